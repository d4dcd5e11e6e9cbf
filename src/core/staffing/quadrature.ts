/** Gauss–Legendre quadrature on panels: enough for the smooth, log-concave integrands of Erlang A. */

interface Rule {
  readonly nodes: readonly number[];
  readonly weights: readonly number[];
}

/** Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1], found by Newton's method on P_n. */
const gaussLegendre = (n: number): Rule => {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i += 1) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration += 1) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k += 1) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-15) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * derivative * derivative));
  }
  return { nodes, weights };
};

const rule = gaussLegendre(16);

/** ∫ f over [from, to] split into `panels` equal panels, each with the 16-point rule. */
export const integrate = (f: (x: number) => number, from: number, to: number, panels = 32): number => {
  if (!(to > from)) return 0;
  const width = (to - from) / panels;
  let total = 0;
  for (let p = 0; p < panels; p += 1) {
    const mid = from + (p + 0.5) * width;
    let panel = 0;
    for (let i = 0; i < rule.nodes.length; i += 1) {
      panel += (rule.weights[i] ?? 0) * f(mid + 0.5 * width * (rule.nodes[i] ?? 0));
    }
    total += 0.5 * width * panel;
  }
  return total;
};

/** Visits every node of the same panelled rule with its weight, so several integrals can share one pass. */
export const visitNodes = (
  from: number,
  to: number,
  visit: (x: number, weight: number) => void,
  panels = 32,
): void => {
  if (!(to > from)) return;
  const width = (to - from) / panels;
  for (let p = 0; p < panels; p += 1) {
    const mid = from + (p + 0.5) * width;
    for (let i = 0; i < rule.nodes.length; i += 1) {
      visit(mid + 0.5 * width * (rule.nodes[i] ?? 0), 0.5 * width * (rule.weights[i] ?? 0));
    }
  }
};
