/** Demo campaigns (tied to 2026 observances) and community events, in English and Spanish. */
export const campaignSeeds = [
  {
    slug: 'heart-month-2026',
    observance: 'american-heart-month-2026',
    serviceLines: ['cardiology'],
    segments: ['adults-45-plus', 'spanish-speaking-families'],
    startsAt: '2026-01-26T15:00:00.000Z',
    endsAt: '2026-03-01T05:59:00.000Z',
    kpis: [
      {
        metric: 'Blood pressure screenings',
        measure: 'manual',
        target: 400,
        actual: 312,
        unit: 'screenings',
      },
      {
        metric: 'Heart-risk quiz completions',
        measure: 'manual',
        target: 2500,
        unit: 'completions',
      },
      { metric: 'Website visits', measure: 'views', target: 5000, unit: 'visits' },
    ],
    budget: { planned: 18000, spent: 16250, currency: 'USD' },
    en: {
      title: 'Know Your Numbers: Heart Month 2026',
      summary: 'Free blood pressure checks and a heart-risk quiz for American Heart Month.',
      goal: 'Get 400 adults over 45 screened for high blood pressure.',
      body: [
        'Half of adults have high blood pressure and many do not know it.',
        'All February, our community team offers free checks at fairs and clinics.',
      ],
    },
    es: {
      title: 'Conozca sus cifras: Mes del Corazón 2026',
      summary: 'Controles gratuitos de presión arterial y un cuestionario de riesgo cardíaco.',
      goal: 'Lograr que 400 adultos mayores de 45 años se controlen la presión.',
      body: [
        'La mitad de los adultos tiene la presión alta y muchos no lo saben.',
        'Durante febrero, nuestro equipo ofrece controles gratuitos en ferias y clínicas.',
      ],
    },
  },
  {
    slug: 'breast-cancer-awareness-2026',
    observance: 'breast-cancer-awareness-month-2026',
    serviceLines: ['breast-health'],
    segments: ['women-40-plus', 'spanish-speaking-families'],
    startsAt: '2026-09-28T14:00:00.000Z',
    endsAt: '2026-11-01T04:59:00.000Z',
    kpis: [
      {
        metric: 'Screening mammograms booked',
        measure: 'manual',
        target: 1200,
        unit: 'appointments',
      },
      { metric: 'People reached', measure: 'reach', target: 50000, unit: 'people' },
    ],
    budget: { planned: 25000, spent: 21400, currency: 'USD' },
    en: {
      title: 'Screen in October',
      summary: 'Evening and weekend mammogram appointments all October.',
      goal: 'Book 1,200 screening mammograms for women over 40.',
      body: [
        'Early detection saves lives.',
        'This October we open evening and Saturday slots so work is never the reason to skip a screening.',
      ],
    },
    es: {
      title: 'Hágase su mamografía en octubre',
      summary: 'Citas de mamografía por la tarde y los fines de semana durante octubre.',
      goal: 'Reservar 1.200 mamografías de detección para mujeres mayores de 40 años.',
      body: [
        'La detección temprana salva vidas.',
        'Este octubre abrimos citas por la tarde y los sábados para que el trabajo nunca sea el motivo para saltarse una revisión.',
      ],
    },
  },
  {
    slug: 'diabetes-month-2026',
    observance: 'national-diabetes-month-2026',
    serviceLines: ['diabetes-care'],
    segments: ['caregivers', 'spanish-speaking-families'],
    startsAt: '2026-10-26T14:00:00.000Z',
    endsAt: '2026-12-01T05:59:00.000Z',
    kpis: [
      { metric: 'Cooking class sign-ups', measure: 'signups', target: 300, unit: 'sign-ups' },
      { metric: 'A1C checks', measure: 'manual', target: 500, unit: 'tests' },
    ],
    budget: { planned: 12000, spent: 7300, currency: 'USD' },
    en: {
      title: 'Small Steps, Big Difference',
      summary: 'Cooking classes, support groups and free A1C checks for National Diabetes Month.',
      goal: '300 families in our healthy-cooking classes.',
      body: [
        'One in three adults has prediabetes.',
        'Join a free class, in English or Spanish, and take home recipes the whole family will eat.',
      ],
    },
    es: {
      title: 'Pequeños pasos, gran diferencia',
      summary:
        'Clases de cocina, grupos de apoyo y pruebas A1C gratuitas en el Mes Nacional de la Diabetes.',
      goal: '300 familias en nuestras clases de cocina saludable.',
      body: [
        'Uno de cada tres adultos tiene prediabetes.',
        'Únase a una clase gratuita, en inglés o en español, y llévese recetas que toda la familia comerá.',
      ],
    },
  },
  {
    slug: 'mental-health-month-2026',
    observance: 'mental-health-awareness-month-2026',
    serviceLines: ['behavioral-health'],
    segments: ['caregivers'],
    startsAt: '2026-04-27T14:00:00.000Z',
    endsAt: '2026-06-01T04:59:00.000Z',
    kpis: [{ metric: 'Visits to the "ways to get help" page', target: 8000, unit: 'visits' }],
    budget: { planned: 9000, spent: 8800, currency: 'USD' },
    en: {
      title: "It's Okay to Ask for Help",
      summary: 'Where to find support, for yourself or someone you care for.',
      goal: 'Make our help line and walk-in hours known.',
      body: [
        'Asking for help is a sign of strength.',
        'Our behavioral health team has walk-in hours every weekday.',
      ],
    },
    es: {
      title: 'Está bien pedir ayuda',
      summary: 'Dónde encontrar apoyo, para usted o para alguien a quien cuida.',
      goal: 'Dar a conocer nuestra línea de ayuda y el horario sin cita.',
      body: [
        'Pedir ayuda es una muestra de fortaleza.',
        'Nuestro equipo de salud conductual atiende sin cita todos los días laborables.',
      ],
    },
  },
]

export const eventSeeds = [
  {
    slug: 'healthy-cooking-class',
    campaign: 'diabetes-month-2026',
    // Weekly on Thursdays at 18:00 Chicago time, across the end of daylight saving time (Nov 1),
    // skipping Thanksgiving.
    schedule: {
      startsAt: '2026-10-29T23:00:00.000Z',
      endsAt: '2026-10-30T00:30:00.000Z',
      timeZone: 'America/Chicago',
      recurrence: {
        rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=8',
        exceptions: [{ startsAt: '2026-11-27T00:00:00.000Z' }],
      },
      format: 'in-person',
      venue: {
        name: 'Community Wellness Kitchen',
        street: '1200 W Harrison St',
        city: 'Chicago',
        region: 'IL',
        postalCode: '60607',
        country: 'US',
      },
      organizer: 'Diabetes Education Team',
      capacity: 24,
      registrationUrl: 'https://hospital.example.org/events/cooking',
      // Reported by the registration page's system; counts toward the campaign's sign-up KPI.
      signUps: 18,
      cost: { isFree: true },
      language: 'bilingual',
      eventStatus: 'scheduled',
    },
    en: {
      title: 'Healthy cooking with diabetes',
      description: ['A hands-on class with our dietitians. Recipes in English and Spanish.'],
      accessibilityNotes: 'Step-free entrance; seated workstations available.',
    },
    es: {
      title: 'Cocina saludable con diabetes',
      description: ['Una clase práctica con nuestras dietistas. Recetas en inglés y en español.'],
      accessibilityNotes: 'Entrada sin escalones; puestos de trabajo con asiento disponibles.',
    },
  },
  {
    slug: 'mammogram-evening',
    campaign: 'breast-cancer-awareness-2026',
    // Second Tuesday of each month, 17:00–20:00 Chicago time.
    schedule: {
      startsAt: '2026-10-13T22:00:00.000Z',
      endsAt: '2026-10-14T01:00:00.000Z',
      timeZone: 'America/Chicago',
      recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6', exceptions: [] },
      format: 'in-person',
      venue: {
        name: "Women's Imaging Center",
        street: '500 S Ashland Ave',
        city: 'Chicago',
        region: 'IL',
        postalCode: '60607',
        country: 'US',
      },
      organizer: "Women's Imaging Center",
      registrationUrl: 'https://hospital.example.org/mammogram',
      cost: { isFree: false, amount: 0, currency: 'USD' },
      language: 'bilingual',
      eventStatus: 'scheduled',
    },
    en: {
      title: 'Evening mammogram appointments',
      description: [
        'Screening mammograms after work hours. Most insurance accepted; ask about free screening programs.',
      ],
      accessibilityNotes: 'Wheelchair-accessible imaging rooms.',
    },
    es: {
      title: 'Citas de mamografía por la tarde',
      description: [
        'Mamografías de detección después del horario laboral. Se aceptan la mayoría de los seguros.',
      ],
      accessibilityNotes: 'Salas de imagen accesibles en silla de ruedas.',
    },
  },
  {
    slug: 'free-blood-pressure-screening',
    campaign: 'heart-month-2026',
    schedule: {
      startsAt: '2027-02-06T16:00:00.000Z',
      endsAt: '2027-02-06T21:00:00.000Z',
      timeZone: 'America/Chicago',
      format: 'mixed',
      venue: {
        name: 'Pilsen Community Center',
        street: '1800 S Ashland Ave',
        city: 'Chicago',
        region: 'IL',
        postalCode: '60608',
        country: 'US',
      },
      joinUrl: 'https://hospital.example.org/live/heart-talk',
      organizer: 'Heart & Vascular Institute',
      capacity: 300,
      cost: { isFree: true },
      language: 'bilingual',
      eventStatus: 'scheduled',
    },
    en: {
      title: 'Free blood pressure screening',
      description: [
        'Walk in for a free check, and join the live "Know your numbers" talk at noon, in person or online.',
      ],
      accessibilityNotes: 'ASL interpretation for the noon talk.',
    },
    es: {
      title: 'Control gratuito de la presión arterial',
      description: [
        'Venga sin cita para un control gratuito y acompáñenos en la charla «Conozca sus cifras» al mediodía, en persona o en línea.',
      ],
      accessibilityNotes: 'Interpretación en lengua de señas para la charla del mediodía.',
    },
  },
]
