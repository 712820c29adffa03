/** Service lines with the condition terms (English and Spanish) that stories name and UTMs may not. */
export const serviceLines = [
  {
    slug: 'cardiology',
    en: 'Cardiology',
    es: 'Cardiología',
    terms: [
      'heart disease',
      'heart attack',
      'heart failure',
      'atrial fibrillation',
      'hypertension',
      'high blood pressure',
      'cardiopatía',
      'infarto',
      'hipertensión',
    ],
  },
  {
    slug: 'breast-health',
    en: 'Breast Health',
    es: 'Salud Mamaria',
    terms: ['breast cancer', 'mastectomy', 'lumpectomy', 'cáncer de mama', 'mastectomía'],
  },
  {
    slug: 'diabetes-care',
    en: 'Diabetes Care',
    es: 'Atención de la Diabetes',
    terms: ['diabetes', 'type 2 diabetes', 'prediabetes', 'diabetes tipo 2', 'prediabetes'],
  },
  {
    slug: 'behavioral-health',
    en: 'Behavioral Health',
    es: 'Salud Conductual',
    terms: ['depression', 'anxiety', 'bipolar disorder', 'PTSD', 'depresión', 'ansiedad'],
  },
  {
    slug: 'orthopedics',
    en: 'Orthopedics',
    es: 'Ortopedia',
    terms: ['osteoarthritis', 'hip fracture', 'knee replacement', 'artrosis'],
  },
  {
    slug: 'oncology',
    en: 'Oncology',
    es: 'Oncología',
    terms: ['cancer', 'lymphoma', 'leukemia', 'chemotherapy', 'cáncer', 'linfoma', 'leucemia'],
  },
]

export const audienceSegments = [
  {
    slug: 'women-40-plus',
    en: 'Women 40+',
    es: 'Mujeres de 40 años o más',
    description: 'Due for annual screening mammograms.',
  },
  {
    slug: 'adults-45-plus',
    en: 'Adults 45+',
    es: 'Adultos de 45 años o más',
    description: 'Due for colorectal and cardiovascular screening.',
  },
  {
    slug: 'spanish-speaking-families',
    en: 'Spanish-speaking families',
    es: 'Familias hispanohablantes',
    description: 'Prefer materials and events in Spanish.',
  },
  {
    slug: 'caregivers',
    en: 'Family caregivers',
    es: 'Cuidadores familiares',
    description: 'Care for a relative with a chronic condition.',
  },
  {
    slug: 'new-parents',
    en: 'New and expecting parents',
    es: 'Padres nuevos y futuros',
    description: 'Prenatal classes, pediatric wellness.',
  },
]
