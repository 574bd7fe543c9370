/** Zones the property tests draw from: both hemispheres, a half-hour offset and UTC. */
export const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'UTC',
  'America/Los_Angeles',
] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Reads the wall clock of an instant in a zone with Intl directly, independently of the code
 * under test. `text` is `YYYY-MM-DDTHH:mm`, so two readings compare as strings.
 */
export function wallClock(instant: Date, timeZone: string): { date: string; text: string } {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;

  return { date, text: `${date}T${parts.hour}:${parts.minute}` };
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}
