/**
 * The demo guide's figure: a bar chart of participants per pilot commune, drawn as SVG and turned
 * into a PNG at seed time (the image store refuses SVG, as it should), then stored like an upload.
 */
const DATA: Array<[string, number]> = [
  ['Tozeur', 1240],
  ['Kairouan', 2310],
  ['Menzel Bourguiba', 860],
  ['Tataouine', 540],
  ['La Marsa', 1920],
];

export function demoChartSvg(): string {
  const width = 900;
  const height = 420;
  const max = Math.max(...DATA.map(([, n]) => n));
  const barWidth = 120;
  const gap = (width - 80 - DATA.length * barWidth) / (DATA.length - 1);
  const bars = DATA.map(([name, n], i) => {
    const h = Math.round((n / max) * 300);
    const x = 40 + i * (barWidth + gap);
    const y = 340 - h;
    return `<rect x="${x}" y="${y}" width="${barWidth}" height="${h}" rx="6" fill="${i % 2 ? '#1d4e89' : '#155e63'}"/>
      <text x="${x + barWidth / 2}" y="${y - 10}" font-size="22" text-anchor="middle" fill="#1c2430">${n}</text>
      <text x="${x + barWidth / 2}" y="372" font-size="18" text-anchor="middle" fill="#1c2430">${name}</text>`;
  }).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Noto Sans, sans-serif">
    <rect width="100%" height="100%" fill="#ffffff"/>
    <line x1="30" y1="340" x2="${width - 30}" y2="340" stroke="#566173" stroke-width="2"/>
    ${bars}
  </svg>`;
}

/** The chart as PNG bytes (sharp renders the SVG). */
export async function demoChartPng(): Promise<Uint8Array> {
  const sharp = (await import('sharp')).default;
  return new Uint8Array(await sharp(Buffer.from(demoChartSvg())).png().toBuffer());
}

/** Placeholder the demo content uses for the chart's id until the image is stored. */
export const DEMO_CHART = 'demo-chart';
