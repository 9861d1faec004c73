// The standard normal CDF, Φ(x) = erfc(−x/√2) / 2, with the complementary error function from
// Numerical Recipes' Chebyshev fit (fractional error below 1.2e-7 everywhere): the shock model
// (shock-quantile.ts) sums it over a quantile table, and a statistics library would be the only
// reason to add a dependency.
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
