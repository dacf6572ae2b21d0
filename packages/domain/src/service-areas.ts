/** The curated service areas, aligned with how councils organise their services. */
export const SERVICE_AREAS = [
  { slug: 'adult-social-care', name: 'Adult social care' },
  { slug: 'childrens-services', name: "Children's services" },
  { slug: 'education-and-send', name: 'Education and SEND' },
  { slug: 'housing-and-homelessness', name: 'Housing and homelessness' },
  { slug: 'public-health', name: 'Public health' },
  { slug: 'environment-and-climate', name: 'Environment and climate' },
  { slug: 'waste', name: 'Waste and recycling' },
  { slug: 'transport', name: 'Transport' },
  { slug: 'planning', name: 'Planning' },
  { slug: 'economic-development-and-skills', name: 'Economic development and skills' },
  { slug: 'libraries-and-culture', name: 'Libraries and culture' },
  { slug: 'community-safety', name: 'Community safety' },
  { slug: 'democracy-and-participation', name: 'Democracy and participation' },
  { slug: 'digital-and-data', name: 'Digital and data' },
  { slug: 'finance-and-commissioning', name: 'Finance and commissioning' },
  { slug: 'workforce', name: 'Workforce' },
] as const;

export type ServiceAreaSlug = (typeof SERVICE_AREAS)[number]['slug'];
export const SERVICE_AREA_SLUGS: readonly string[] = SERVICE_AREAS.map((area) => area.slug);
