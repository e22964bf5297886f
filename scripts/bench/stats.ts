// Percentiles and number cells shared by the benchmark's report sections.

/** The p-th percentile (0..1) of `xs`, nearest rank; undefined for no samples. */
export const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

export const fmt = (x: number | undefined, d = 0) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
