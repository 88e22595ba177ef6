declare module 'jstat' {
  const jstat: { chisquare: { cdf(x: number, dof: number): number }; normal: { inv(p: number, mean: number, std: number): number }; gammaln(x: number): number };
  export default jstat;
}
