import { type McpServerFields, mcpServerFieldsSchema } from '@hearth/schema';
import { type FormEvent, useId, useState } from 'react';
import { appStorage } from '../../app/app-storage.ts';
import { type McpServerSecret, saveMcpServer } from '../../db/mcp-servers-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { formatHeaderLines, parseHeaderLines } from '../settings/header-lines.ts';
import { TextField } from '../settings/text-field.tsx';
import { mcpStrings } from './mcp-strings.ts';

interface McpServerFormProps {
  /** The server being edited; absent for a new one. */
  id?: string;
  initial: McpServerFields;
  secret: McpServerSecret;
  onDone: () => void;
}

type Errors = Partial<Record<'name' | 'url' | 'headers', string>>;

/** Adds or edits an MCP server; its token and headers go to this device's secrets, the rest syncs. */
export function McpServerForm({ id, initial, secret, onDone }: McpServerFormProps) {
  const s = useStrings(mcpStrings);
  const formId = useId();
  const [fields, setFields] = useState(initial);
  const [token, setToken] = useState(secret.bearerToken);
  const [headerText, setHeaderText] = useState(formatHeaderLines(secret.headers));
  const [errors, setErrors] = useState<Errors>({});
  const set = <K extends keyof McpServerFields>(key: K, value: McpServerFields[K]) =>
    setFields((old) => ({ ...old, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = mcpServerFieldsSchema.safeParse(fields);
    const headers = parseHeaderLines(headerText, { deviceLocal: true });
    const next: Errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if ((key === 'name' || key === 'url') && next[key] === undefined) next[key] = issue.message;
      }
    }
    if (!headers.success) next.headers = headers.error;
    setErrors(next);
    if (!parsed.success || !headers.success) return;
    await saveMcpServer(appStorage(), {
      ...(id === undefined ? {} : { id }),
      fields: parsed.data,
      secret: { bearerToken: token, headers: headers.value },
    });
    onDone();
  };

  return (
    <form
      className="model-form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={id === undefined ? s.newServer : s.editServer(initial.name)}
    >
      <TextField label={s.name} value={fields.name} onValue={(value) => set('name', value)} error={errors.name} />
      <TextField
        label={s.url}
        value={fields.url}
        onValue={(value) => set('url', value)}
        error={errors.url}
        type="url"
        placeholder="https://mcp.example.com/mcp"
      />
      <div className="field">
        <label htmlFor={`${formId}-transport`}>{s.transport}</label>
        <select
          id={`${formId}-transport`}
          value={fields.transport}
          onChange={(event) => set('transport', event.target.value === 'sse' ? 'sse' : 'streamable-http')}
        >
          <option value="streamable-http">{s.transportStreamable}</option>
          <option value="sse">{s.transportSse}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${formId}-connection`}>{s.connection}</label>
        <select
          id={`${formId}-connection`}
          value={fields.connection}
          aria-describedby={fields.connection === 'relay' && fields.transport === 'sse' ? `${formId}-relay` : undefined}
          onChange={(event) => set('connection', event.target.value === 'relay' ? 'relay' : 'direct')}
        >
          <option value="direct">{s.connectionDirect}</option>
          <option value="relay">{s.connectionRelay}</option>
        </select>
        {fields.connection === 'relay' && fields.transport === 'sse' && (
          <p className="field-hint" id={`${formId}-relay`}>
            {s.relayOnlyStreamable}
          </p>
        )}
      </div>
      <TextField
        label={s.bearerToken}
        value={token}
        onValue={setToken}
        error={undefined}
        type="password"
        autoComplete="off"
        hint={s.secretHint}
      />
      <div className={`field${errors.headers ? ' invalid' : ''}`}>
        <label htmlFor={`${formId}-headers`}>{s.headers}</label>
        <textarea
          id={`${formId}-headers`}
          value={headerText}
          rows={2}
          onChange={(event) => setHeaderText(event.target.value)}
          aria-invalid={errors.headers ? true : undefined}
          aria-describedby={`${formId}-headers-hint${errors.headers ? ` ${formId}-headers-error` : ''}`}
        />
        <p className="field-hint" id={`${formId}-headers-hint`}>
          {s.headersHint}
        </p>
        {errors.headers && (
          <p className="field-error" id={`${formId}-headers-error`}>
            {errors.headers}
          </p>
        )}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={fields.enabled} onChange={(event) => set('enabled', event.target.checked)} />
        {s.enabled}
      </label>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {s.save}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}
