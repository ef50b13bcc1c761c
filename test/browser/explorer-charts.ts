/**
 * Checks on what the explorer's charts draw, read from their pixels (the page exposes no chart object): used by
 * explorer.browser.ts.
 */
type Ev = <T>(expression: string) => Promise<T>;

/**
 * Pixels of the page's black (#0b0c0c, "Actual" and the marker lines) on the plans chart right of the dashed
 * "projection →" line, below its label and above the legend: where nothing black is drawn, since what is actual
 * ends at the base year and every projected series has a colour of its own.
 */
export function blackRightOfProjection(ev: Ev): Promise<{ marker: number; pixels: number; at: string }> {
  return ev(`(() => {
    const c = document.getElementById('chart-plans');
    const copy = document.createElement('canvas');
    copy.width = c.width;
    copy.height = c.height;
    const cc = copy.getContext('2d', { willReadFrequently: true });
    cc.drawImage(c, 0, 0);
    const d = cc.getImageData(0, 0, c.width, c.height).data;
    const isBlack = (x, y) => { const i = (y * c.width + x) * 4; return d[i] === 11 && d[i + 1] === 12 && d[i + 2] === 12 && d[i + 3] === 255; };
    // the legend: the lowest rows holding black; the marker: the column with the most black above them
    let legendTop = c.height;
    for (let y = c.height - 1; y > c.height - 60; y--) for (let x = 0; x < c.width; x++) if (isBlack(x, y)) legendTop = Math.min(legendTop, y);
    let marker = -1, most = 0;
    for (let x = 0; x < c.width; x++) { let n = 0; for (let y = 0; y < legendTop - 4; y++) if (isBlack(x, y)) n++; if (n > most) { most = n; marker = x; } }
    let top = 0;
    while (top < legendTop && !isBlack(marker, top)) top++;
    let pixels = 0, at = '';
    for (let y = top + 18; y < legendTop - 4; y++) for (let x = marker + 5; x < c.width; x++) if (isBlack(x, y)) { pixels++; if (!at) at = x + ',' + y; }
    return { marker, pixels, at };
  })()`);
}
