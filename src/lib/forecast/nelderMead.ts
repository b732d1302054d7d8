/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the usual coefficients: reflection 1, expansion 2,
 * contraction 0.5, shrink 0.5). Hand-written because the forecast fits need only a small, derivative-free
 * minimiser over a dozen or so unconstrained parameters, and no small, well-kept npm package offers one.
 */

export interface NelderMeadOptions {
  /** Largest number of function evaluations. */
  maxEvaluations?: number;
  /** Stop when the simplex's function values differ by less than this, relative to the best value… */
  tolerance?: number;
  /** …and its vertices lie within this distance of the best one. */
  pointTolerance?: number;
  /** Size of the first simplex's steps, relative to each coordinate (absolute when the coordinate is 0). */
  initialStep?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

interface Vertex {
  x: number[];
  value: number;
}

export function nelderMead(
  objective: (x: number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const maxEvaluations = options.maxEvaluations ?? 2000 * (start.length + 1);
  const tolerance = options.tolerance ?? 1e-10;
  const pointTolerance = options.pointTolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = (x: number[]): Vertex => {
    evaluations += 1;
    const value = objective(x);
    // A NaN would poison every comparison: treat it as worse than anything.
    return { x, value: Number.isNaN(value) ? Infinity : value };
  };

  let simplex = initialSimplex(start, options.initialStep ?? 0.1).map(evaluate);
  let converged = false;
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[simplex.length - 1]!;
    const spread = Math.abs(worst.value - best.value);
    if (spread <= tolerance * Math.max(Math.abs(best.value), 1e-12) && simplexSize(simplex) <= pointTolerance) {
      converged = true;
      break;
    }
    simplex = step(simplex, evaluate);
  }
  simplex.sort((a, b) => a.value - b.value);
  const best = simplex[0]!;
  return { x: best.x, value: best.value, evaluations, converged };
}

/** One Nelder–Mead iteration on a simplex sorted best first; returns the new simplex. */
function step(simplex: Vertex[], evaluate: (x: number[]) => Vertex): Vertex[] {
  const n = simplex.length - 1;
  const best = simplex[0]!;
  const secondWorst = simplex[n - 1]!;
  const worst = simplex[n]!;
  const centroid = centroidOf(simplex.slice(0, n));
  const towards = (coefficient: number) => centroid.map((c, i) => c + coefficient * (c - worst.x[i]!));

  const reflected = evaluate(towards(1));
  if (reflected.value < best.value) {
    const expanded = evaluate(towards(2));
    return replaceWorst(simplex, expanded.value < reflected.value ? expanded : reflected);
  }
  if (reflected.value < secondWorst.value) return replaceWorst(simplex, reflected);

  const outside = reflected.value < worst.value;
  const contracted = evaluate(towards(outside ? 0.5 : -0.5));
  if (contracted.value < (outside ? reflected.value : worst.value)) return replaceWorst(simplex, contracted);

  // Shrink every vertex towards the best one.
  return [best, ...simplex.slice(1).map((v) => evaluate(v.x.map((xi, i) => best.x[i]! + 0.5 * (xi - best.x[i]!))))];
}

function replaceWorst(simplex: Vertex[], vertex: Vertex): Vertex[] {
  return [...simplex.slice(0, -1), vertex];
}

function initialSimplex(start: readonly number[], relativeStep: number): number[][] {
  const vertices = [start.slice()];
  start.forEach((value, i) => {
    const x = start.slice();
    x[i] = value === 0 ? relativeStep : value * (1 + relativeStep);
    vertices.push(x);
  });
  return vertices;
}

function centroidOf(vertices: Vertex[]): number[] {
  const dimension = vertices[0]!.x.length;
  const centroid = new Array<number>(dimension).fill(0);
  for (const v of vertices) for (let i = 0; i < dimension; i++) centroid[i]! += v.x[i]!;
  for (let i = 0; i < dimension; i++) centroid[i]! /= vertices.length;
  return centroid;
}

function simplexSize(simplex: Vertex[]): number {
  const best = simplex[0]!.x;
  let largest = 0;
  for (let v = 1; v < simplex.length; v++) {
    let squares = 0;
    for (let i = 0; i < best.length; i++) squares += (simplex[v]!.x[i]! - best[i]!) ** 2;
    largest = Math.max(largest, squares);
  }
  return Math.sqrt(largest);
}
