import { appMessages } from '@/app/messages';
import type { EnvProblem } from '@/lib/env';

/** Shown instead of the app when VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY are missing. */
export function ConfigErrorScreen({ problems }: { problems: readonly EnvProblem[] }) {
  return (
    <main className="centered-page">
      <div className="error-screen" role="alert">
        <h1>{appMessages.configTitle}</h1>
        <p>{appMessages.configText}</p>
        <ul>
          {problems.map((problem) => (
            <li key={problem.name}>
              <code>{problem.name}</code> : {problem.problem}
            </li>
          ))}
        </ul>
        <p>{appMessages.configFix}</p>
      </div>
    </main>
  );
}
