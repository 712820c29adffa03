/** Demo patient stories (fictional people), in English and Spanish. */
export const storySeeds = [
  {
    slug: 'maria-caught-it-early',
    consentRef: 'AUTH-2026-0001',
    serviceLine: 'breast-health',
    campaign: 'breast-cancer-awareness-2026',
    displayNamePolicy: 'first-name' as const,
    displayName: 'Maria',
    patientAge: 52,
    en: {
      title: 'Maria caught it early',
      pullQuote: 'I almost skipped my mammogram that year. I am so glad I did not.',
      narrative: [
        'Maria had put off her annual screening twice because of work. When a reminder call offered an evening appointment, she took it.',
        'The mammogram found a small breast cancer that could not be felt. After a lumpectomy and radiation she is back to coaching her daughter’s soccer team.',
        'Now she reminds every woman she knows over forty to book her screening.',
      ],
    },
    es: {
      title: 'María lo detectó a tiempo',
      pullQuote: 'Casi me salté la mamografía ese año. Me alegra mucho no haberlo hecho.',
      narrative: [
        'María había pospuesto dos veces su revisión anual por el trabajo. Cuando una llamada le ofreció una cita por la tarde, la aceptó.',
        'La mamografía encontró un cáncer de mama pequeño que no se podía palpar. Tras una lumpectomía y radioterapia, volvió a entrenar al equipo de fútbol de su hija.',
        'Ahora le recuerda a todas las mujeres mayores de cuarenta que pidan su cita.',
      ],
    },
  },
  {
    slug: 'walking-back-to-health',
    consentRef: 'AUTH-2026-0002',
    serviceLine: 'cardiology',
    campaign: 'heart-month-2026',
    displayNamePolicy: 'initials' as const,
    displayName: 'J. T.',
    patientAge: null,
    en: {
      title: 'Walking back to health after a heart attack',
      pullQuote: 'Cardiac rehab gave me my confidence back, one lap at a time.',
      narrative: [
        'J. T. never thought of himself as a heart patient until the morning chest pain would not go away.',
        'Twelve weeks of cardiac rehabilitation later, he walks three miles a day and knows his numbers.',
      ],
    },
    es: {
      title: 'Volver a caminar hacia la salud tras un infarto',
      pullQuote: 'La rehabilitación cardíaca me devolvió la confianza, vuelta a vuelta.',
      narrative: [
        'J. T. nunca se había considerado un paciente cardíaco hasta la mañana en que el dolor de pecho no se le pasó.',
        'Tras doce semanas de rehabilitación cardíaca, camina cinco kilómetros al día y conoce sus cifras.',
      ],
    },
  },
  {
    slug: 'a-new-routine-with-diabetes',
    consentRef: 'AUTH-2025-0107',
    serviceLine: 'diabetes-care',
    campaign: 'diabetes-month-2026',
    displayNamePolicy: 'anonymous' as const,
    displayName: '',
    patientAge: null,
    en: {
      title: 'A new routine',
      pullQuote: 'Cooking classes at the clinic changed how my whole family eats.',
      narrative: [
        'After her diagnosis, a mother of three joined the clinic’s cooking classes and support group.',
      ],
    },
    es: {
      title: 'Una nueva rutina',
      pullQuote:
        'Las clases de cocina de la clínica cambiaron la forma de comer de toda mi familia.',
      narrative: [
        'Tras su diagnóstico, una madre de tres hijos se unió a las clases de cocina y al grupo de apoyo de la clínica.',
      ],
    },
  },
  {
    slug: 'back-on-the-trail',
    consentRef: 'AUTH-2026-0003',
    serviceLine: 'orthopedics',
    campaign: 'heart-month-2026',
    displayNamePolicy: 'full-name' as const,
    displayName: 'Robert Alvarez',
    patientAge: 67,
    en: {
      title: 'Back on the trail after a knee replacement',
      pullQuote: 'Six weeks after surgery I was hiking with my grandkids.',
      narrative: [
        'Robert Alvarez, 67, had given up the trails he loved. A knee replacement and steady physical therapy brought him back.',
      ],
    },
    es: {
      title: 'De vuelta al sendero tras un reemplazo de rodilla',
      pullQuote: 'Seis semanas después de la cirugía ya caminaba por el monte con mis nietos.',
      narrative: [
        'Robert Álvarez, de 67 años, había dejado los senderos que tanto le gustaban. Un reemplazo de rodilla y la fisioterapia constante lo devolvieron a ellos.',
      ],
    },
  },
]
