/**
 * Hours in one unit of a time unit of measure, recognised by name. Odoo's standard time units are
 * "Hours" and "Days" (8 hours, uom.product_uom_day); their ratios live in uom.uom, whose shape
 * changed in 19 (no categories), so the names are matched instead of reading the ratios.
 */
const HOURS_PER_TIME_UOM: Readonly<Record<string, number>> = {
  hour: 1,
  hours: 1,
  h: 1,
  minute: 1 / 60,
  minutes: 1 / 60,
  min: 1 / 60,
  day: 8,
  days: 8,
};

/** Hours per unit of the named UoM, or null when it is not a time unit (e.g. "Units"). */
export function hoursPerTimeUom(uomName: string | null): number | null {
  if (uomName === null) return null;
  return HOURS_PER_TIME_UOM[uomName.trim().toLowerCase()] ?? null;
}
