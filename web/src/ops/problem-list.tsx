/** A list of problems that stopped a save, each saying where and what to fix. */
export interface ShownProblem {
  readonly where: string;
  readonly what: string;
}

export const ProblemList = (props: { title: string; problems: readonly ShownProblem[]; testId: string }) => (
  <div className="error ops-problems" role="alert" data-testid={props.testId}>
    <strong>{props.title}</strong>
    <ul>
      {props.problems.map((problem) => (
        <li key={`${problem.where}|${problem.what}`}>
          <code>{problem.where}</code> {problem.what}
        </li>
      ))}
    </ul>
  </div>
);

export const formatTime = (iso: string | null): string =>
  iso === null
    ? 'built in'
    : new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
