/** A date as files state it (meta tags, front matter, document properties, PDF info) -> YYYY-MM-DD. */

/** UTC+8: Chinese publishers date their pages in Beijing time; a `Z` timestamp near midnight belongs to the next day there. */
const CHINA_OFFSET_MINUTES = 8 * 60;

/**
 * `2015-09-11 17:47`, `2025-10-30T11:59:00+08:00`, `2025-10-30T03:59:00Z`, `2015年9月11日`,
 * `2015/9/11`, `2015.09.11`, `D:20151108093000+08'00'` (PDF) -> `YYYY-MM-DD`; `2015-09` and `2015`
 * stay as precise as they are. A time with an offset other than China's is moved to China's day.
 */
export function isoDate(value: string): string | null {
  const s = value.trim();
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (pdf) {
    const [, y, mo, d, h = '00', mi = '00', , zone] = pdf;
    if (!mo) return y!;
    if (!d) return `${y}-${mo}`;
    const z = zone ? (zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`) : '';
    return inChina(`${y}-${mo}-${d}T${h}:${mi}:00${z}`) ?? `${y}-${mo}-${d}`;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(s);
  if (iso) return inChina(`${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}T${pad(iso[4]!)}:${iso[5]}:00${iso[6]!.toUpperCase() === 'Z' ? 'Z' : iso[6]!.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`);
  const day = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?![\d])/.exec(s);
  if (day) return valid(day[1]!, day[2]!, day[3]!);
  const month = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${month[1]}-${pad(month[2]!)}`;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return valid(compact[1]!, compact[2]!, compact[3]!);
  if (/^\d{4}$/.test(s)) return s;
  return null;
}

const pad = (s: string) => s.padStart(2, '0');

function valid(y: string, m: string, d: string): string | null {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function inChina(isoWithZone: string): string | null {
  const t = Date.parse(isoWithZone);
  if (Number.isNaN(t)) return null;
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(isoWithZone)) return isoWithZone.slice(0, 10);
  return new Date(t + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
