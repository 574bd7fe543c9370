// One formatter per zone, because building one is costly and an export uses one zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Returns a Date whose UTC fields are the wall-clock time of `instant` in `timeZone`. A spreadsheet
 * date has no time zone and exceljs writes a Date by its UTC fields, so this makes the cell show
 * the local time a host's staff expect (05:00 for a run, in winter and in summer).
 */
export function toSpreadsheetDate(instant: Date, timeZone: string): Date {
  const fields = new Map(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  const field = (type: Intl.DateTimeFormatPartTypes) => fields.get(type) ?? 0;

  return new Date(
    Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    ),
  );
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}
