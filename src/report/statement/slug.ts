/**
 * A file-name-safe slug of a customer name: accents dropped, lower case, words joined by dashes
 * ("Östra Hamnen Fastigheter AB" → "ostra-hamnen-fastigheter-ab"); "customer" when nothing is left.
 */
export function customerSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'customer' : slug;
}
