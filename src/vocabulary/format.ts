/** How counts are written in every message and report: with thousands separators (`1,530,000`). */
export const formatCount = (n: number): string => n.toLocaleString('en-US')
