import type { McpProblem } from '@hearth/core';
import { useState } from 'react';
import { useStrings } from '../../i18n/use-strings.ts';
import type { McpServerInventory } from '../../mcp/inspect-mcp-server.ts';
import type { McpOutcome } from '../../mcp/mcp-session.ts';
import { mcpStrings } from './mcp-strings.ts';

type Health = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; outcome: McpOutcome<McpServerInventory> };

/** A test of a server that is gone (removed on another device meanwhile) shows nothing. */
type TestResult = McpOutcome<McpServerInventory> | undefined;

/**
 * The Test button of one server and what it found: reachable with its tools, resources and prompts, or the
 * problem in words. `onProblem` may offer a way out (switching to the relay for a CORS refusal).
 */
export function McpHealth(props: {
  serverName: string;
  test: () => Promise<TestResult>;
  fix?: (problem: McpProblem) => { label: string; run: () => Promise<void> } | undefined;
}) {
  const s = useStrings(mcpStrings);
  const [health, setHealth] = useState<Health>({ kind: 'idle' });
  const run = async () => {
    setHealth({ kind: 'running' });
    const outcome = await props.test();
    setHealth(outcome === undefined ? { kind: 'idle' } : { kind: 'done', outcome });
  };
  const outcome = health.kind === 'done' ? health.outcome : undefined;
  const fix = outcome !== undefined && !outcome.success ? props.fix?.(outcome.problem) : undefined;
  return (
    <div className="mcp-health">
      <button
        type="button"
        className="button"
        aria-label={`${s.test}: ${props.serverName}`}
        disabled={health.kind === 'running'}
        onClick={() => void run()}
      >
        {health.kind === 'running' ? s.testing : s.test}
      </button>
      <div role="status" aria-label={`${s.test}: ${props.serverName}`}>
        {outcome?.success === true && (
          <>
            <p>{s.reachable(outcome.value.tools.length)}</p>
            <InventoryList label={s.tools} items={outcome.value.tools.map((tool) => tool.name)} none={s.none} />
            <InventoryList label={s.resources} items={outcome.value.resources.map((item) => item.name)} none={s.none} />
            <InventoryList label={s.prompts} items={outcome.value.prompts.map((item) => item.name)} none={s.none} />
          </>
        )}
        {outcome?.success === false && <p className="field-error">{s.problem(outcome.problem)}</p>}
      </div>
      {fix && (
        <button
          type="button"
          className="button"
          onClick={() => {
            setHealth({ kind: 'running' });
            void fix.run().then(run);
          }}
        >
          {fix.label}
        </button>
      )}
    </div>
  );
}

function InventoryList({ label, items, none }: { label: string; items: string[]; none: string }) {
  return (
    <div className="mcp-inventory">
      <span>{label}: </span>
      {items.length === 0 ? (
        <span className="muted">{none}</span>
      ) : (
        <ul aria-label={label} className="mcp-inventory-items">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
