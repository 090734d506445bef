import type { McpServer, McpServerFields } from '@hearth/schema';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { listOperatorStdioServers, testMcpServer, testStdioServer } from '../../actions/mcp-actions.ts';
import { appStorage } from '../../app/app-storage.ts';
import {
  deleteMcpServer,
  getMcpSecret,
  listMcpServers,
  type McpServerSecret,
  saveMcpServer,
} from '../../db/mcp-servers-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { ConfirmDialog } from '../chat-list/confirm-dialog.tsx';
import { McpHealth } from './mcp-health.tsx';
import { McpServerForm } from './mcp-server-form.tsx';
import { mcpStrings } from './mcp-strings.ts';

type Editing = { id?: string; fields: McpServerFields; secret: McpServerSecret } | null;

const newServer: McpServerFields = {
  name: '',
  url: '',
  transport: 'streamable-http',
  enabled: true,
  connection: 'direct',
};
const fieldsOf = ({ name, url, transport, enabled, connection }: McpServer): McpServerFields => ({
  name,
  url,
  transport,
  enabled,
  connection,
});

/** Settings → MCP servers: the person's servers (add, edit, remove, enable, test) and the operator's stdio ones. */
export function McpSettings() {
  const s = useStrings(mcpStrings);
  const storage = appStorage();
  const servers = useLiveQuery(() => listMcpServers(storage.db), [], []);
  const [operator, setOperator] = useState<{ name: string; description?: string }[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<McpServer | null>(null);
  useEffect(() => {
    let current = true;
    void listOperatorStdioServers(storage).then((list) => {
      if (current) setOperator(list);
    });
    return () => {
      current = false;
    };
  }, [storage]);

  if (editing) {
    return (
      <McpServerForm
        {...(editing.id === undefined ? {} : { id: editing.id })}
        initial={editing.fields}
        secret={editing.secret}
        onDone={() => setEditing(null)}
      />
    );
  }

  const update = async (server: McpServer, change: Partial<McpServerFields>) =>
    saveMcpServer(storage, {
      id: server.id,
      fields: { ...fieldsOf(server), ...change },
      secret: await getMcpSecret(storage.db, server.id),
    }).then(() => undefined);

  return (
    <div className="model-list">
      {servers.length === 0 && <p>{s.noServers}</p>}
      <ul>
        {servers.map((server) => (
          <li key={server.id} className="model-row mcp-row">
            <div className="model-row-text">
              <strong>{server.name}</strong>
              <span className="muted">
                {server.url} · {server.connection === 'relay' ? s.connectionRelay : s.connectionDirect}
              </span>
            </div>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={server.enabled}
                aria-label={`${s.enabled}: ${server.name}`}
                onChange={(event) => void update(server, { enabled: event.target.checked })}
              />
              {s.enabled}
            </label>
            <button
              type="button"
              className="button"
              aria-label={`${s.edit}: ${server.name}`}
              onClick={() =>
                void getMcpSecret(storage.db, server.id).then((secret) =>
                  setEditing({ id: server.id, fields: fieldsOf(server), secret }),
                )
              }
            >
              {s.edit}
            </button>
            <button
              type="button"
              className="button"
              aria-label={`${s.remove}: ${server.name}`}
              onClick={() => setRemoving(server)}
            >
              {s.remove}
            </button>
            <McpHealth
              serverName={server.name}
              test={() => testMcpServer(storage, server.id)}
              fix={(problem) =>
                problem.code === 'cors_refused' && server.connection === 'direct'
                  ? { label: s.useRelay, run: () => update(server, { connection: 'relay' }) }
                  : undefined
              }
            />
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        onClick={() => setEditing({ fields: newServer, secret: { bearerToken: '', headers: {} } })}
      >
        {s.addServer}
      </button>
      {operator.length > 0 && (
        <section aria-label={s.operatorServers}>
          <h4>{s.operatorServers}</h4>
          <ul>
            {operator.map((server) => (
              <li key={server.name} className="model-row mcp-row">
                <div className="model-row-text">
                  <strong>{server.name}</strong>
                  {server.description !== undefined && <span className="muted">{server.description}</span>}
                  <span className="badge">{s.providedByServer}</span>
                </div>
                <McpHealth serverName={server.name} test={() => testStdioServer(storage, server.name)} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {removing && (
        <ConfirmDialog
          title={s.removeTitle(removing.name)}
          body={s.removeBody}
          confirmLabel={s.remove}
          cancelLabel={s.cancel}
          onConfirm={() => {
            void deleteMcpServer(storage, removing.id);
            setRemoving(null);
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
    </div>
  );
}
