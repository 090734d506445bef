import { unicodeMessage } from './fixture-text.ts';

/** One message of a fixture conversation, in no client's format yet. */
export interface FixtureMessage {
  id: string;
  parent: string | null;
  role: 'user' | 'assistant';
  text: string;
  /** Epoch ms. */
  at: number;
}

/** A conversation with branches, in no client's format yet: each fixture builder writes it in its own. */
export interface FixtureTree {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  messages: FixtureMessage[];
  /** The message the client shows last. */
  shownLeaf: string;
}

const start = Date.UTC(2024, 4, 10, 14, 22, 33);

/**
 * A question whose answer was regenerated, a follow-up on the second answer, and the first question
 * edited (a second root with its own answer). The shown branch is the follow-up's.
 *
 *   q1 ─┬─ a1
 *       └─ a1b ── q2 ── a2      (shown)
 *   q1e ── a1e
 */
export const sampleTree: FixtureTree = {
  id: 'conv-branches',
  title: 'Branches and edits',
  createdAt: start,
  updatedAt: start + 60_000,
  messages: [
    { id: 'q1', parent: null, role: 'user', text: 'What is a tree?', at: start + 1_000 },
    { id: 'a1', parent: 'q1', role: 'assistant', text: 'A graph without cycles.', at: start + 2_000 },
    { id: 'a1b', parent: 'q1', role: 'assistant', text: 'A connected acyclic graph (regenerated).', at: start + 3_000 },
    { id: 'q2', parent: 'a1b', role: 'user', text: unicodeMessage, at: start + 4_000 },
    { id: 'a2', parent: 'q2', role: 'assistant', text: `Unicode back: ${unicodeMessage}`, at: start + 5_000 },
    { id: 'q1e', parent: null, role: 'user', text: 'What is a tree, in botany?', at: start + 6_000 },
    { id: 'a1e', parent: 'q1e', role: 'assistant', text: 'A woody perennial plant.', at: start + 7_000 },
  ],
  shownLeaf: 'a2',
};

/** The messages of the shown branch, root first. */
export function shownBranch(tree: FixtureTree): string[] {
  const byId = new Map(tree.messages.map((message) => [message.id, message]));
  const branch: string[] = [];
  for (let id: string | null = tree.shownLeaf; id !== null; id = byId.get(id)?.parent ?? null) branch.unshift(id);
  return branch;
}
