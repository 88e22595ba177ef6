declare module 'jstat' {
  const jstat: { chisquare: { cdf(x: number, dof: number): number } };
  export default jstat;
}
