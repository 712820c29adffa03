/**
 * United States national health observances of 2026 (from the national health observance
 * calendar published each year by HHS's Office of Disease Prevention and Health Promotion).
 */
export type ObservanceSeed = {
  slug: string
  en: string
  es: string
  kind: 'month' | 'week' | 'day'
  startsAt: string
  endsAt: string
  sponsor?: string
}

const month = (
  slug: string,
  m: number,
  en: string,
  es: string,
  sponsor?: string,
): ObservanceSeed => {
  const start = new Date(Date.UTC(2026, m - 1, 1))
  const end = new Date(Date.UTC(2026, m, 0, 23, 59, 59))
  return {
    slug,
    en,
    es,
    kind: 'month',
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    sponsor,
  }
}

const span = (
  slug: string,
  kind: 'week' | 'day',
  from: string,
  to: string,
  en: string,
  es: string,
  sponsor?: string,
): ObservanceSeed => ({
  slug,
  en,
  es,
  kind,
  startsAt: `${from}T00:00:00.000Z`,
  endsAt: `${to}T23:59:59.000Z`,
  sponsor,
})

export const observances2026: ObservanceSeed[] = [
  month(
    'cervical-health-awareness-month-2026',
    1,
    'Cervical Health Awareness Month',
    'Mes de la Concientización sobre la Salud Cervical',
  ),
  month(
    'american-heart-month-2026',
    2,
    'American Heart Month',
    'Mes Americano del Corazón',
    'National Heart, Lung, and Blood Institute',
  ),
  span(
    'national-wear-red-day-2026',
    'day',
    '2026-02-06',
    '2026-02-06',
    'National Wear Red Day',
    'Día Nacional de Vestir de Rojo',
    'American Heart Association',
  ),
  month(
    'colorectal-cancer-awareness-month-2026',
    3,
    'National Colorectal Cancer Awareness Month',
    'Mes Nacional de Concientización sobre el Cáncer Colorrectal',
  ),
  month(
    'national-nutrition-month-2026',
    3,
    'National Nutrition Month',
    'Mes Nacional de la Nutrición',
    'Academy of Nutrition and Dietetics',
  ),
  month(
    'national-minority-health-month-2026',
    4,
    'National Minority Health Month',
    'Mes Nacional de la Salud de las Minorías',
    'HHS Office of Minority Health',
  ),
  span(
    'world-health-day-2026',
    'day',
    '2026-04-07',
    '2026-04-07',
    'World Health Day',
    'Día Mundial de la Salud',
    'World Health Organization',
  ),
  month(
    'mental-health-awareness-month-2026',
    5,
    'Mental Health Awareness Month',
    'Mes de Concientización sobre la Salud Mental',
  ),
  month(
    'national-stroke-awareness-month-2026',
    5,
    'National Stroke Awareness Month',
    'Mes Nacional de Concientización sobre los Derrames Cerebrales',
  ),
  month(
    'skin-cancer-awareness-month-2026',
    5,
    'Skin Cancer Awareness Month',
    'Mes de Concientización sobre el Cáncer de Piel',
  ),
  month('mens-health-month-2026', 6, "Men's Health Month", 'Mes de la Salud del Hombre'),
  month('uv-safety-month-2026', 7, 'UV Safety Month', 'Mes de la Seguridad contra los Rayos UV'),
  month(
    'national-immunization-awareness-month-2026',
    8,
    'National Immunization Awareness Month',
    'Mes Nacional de Concientización sobre la Vacunación',
  ),
  month(
    'suicide-prevention-awareness-month-2026',
    9,
    'Suicide Prevention Awareness Month',
    'Mes de Concientización sobre la Prevención del Suicidio',
  ),
  month('healthy-aging-month-2026', 9, 'Healthy Aging Month', 'Mes del Envejecimiento Saludable'),
  span(
    'world-heart-day-2026',
    'day',
    '2026-09-29',
    '2026-09-29',
    'World Heart Day',
    'Día Mundial del Corazón',
    'World Heart Federation',
  ),
  month(
    'breast-cancer-awareness-month-2026',
    10,
    'Breast Cancer Awareness Month',
    'Mes de Concientización sobre el Cáncer de Mama',
  ),
  month(
    'health-literacy-month-2026',
    10,
    'Health Literacy Month',
    'Mes de la Alfabetización en Salud',
  ),
  month(
    'national-diabetes-month-2026',
    11,
    'National Diabetes Month',
    'Mes Nacional de la Diabetes',
    'National Institute of Diabetes and Digestive and Kidney Diseases',
  ),
  month(
    'lung-cancer-awareness-month-2026',
    11,
    'Lung Cancer Awareness Month',
    'Mes de Concientización sobre el Cáncer de Pulmón',
  ),
  span(
    'world-diabetes-day-2026',
    'day',
    '2026-11-14',
    '2026-11-14',
    'World Diabetes Day',
    'Día Mundial de la Diabetes',
    'International Diabetes Federation',
  ),
  span(
    'national-influenza-vaccination-week-2026',
    'week',
    '2026-12-07',
    '2026-12-13',
    'National Influenza Vaccination Week',
    'Semana Nacional de Vacunación contra la Influenza',
    'CDC',
  ),
]
