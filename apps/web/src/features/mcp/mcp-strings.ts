import type { McpProblem } from '@hearth/core';
import type { Strings } from '../../i18n/use-strings.ts';

export const mcpStrings: Strings<{
  section: string;
  addServer: string;
  noServers: string;
  newServer: string;
  editServer: (name: string) => string;
  name: string;
  url: string;
  transport: string;
  transportStreamable: string;
  transportSse: string;
  connection: string;
  connectionDirect: string;
  connectionRelay: string;
  relayOnlyStreamable: string;
  bearerToken: string;
  secretHint: string;
  headers: string;
  headersHint: string;
  enabled: string;
  save: string;
  cancel: string;
  edit: string;
  remove: string;
  removeTitle: (name: string) => string;
  removeBody: string;
  test: string;
  testing: string;
  reachable: (tools: number) => string;
  tools: string;
  resources: string;
  prompts: string;
  none: string;
  useRelay: string;
  providedByServer: string;
  operatorServers: string;
  problem: (problem: McpProblem) => string;
}> = {
  en: {
    section: 'MCP servers',
    addServer: 'Add MCP server',
    noServers: 'No MCP servers yet. Add one to give models tools.',
    newServer: 'New MCP server',
    editServer: (name) => `Edit ${name}`,
    name: 'Name',
    url: 'Server URL',
    transport: 'Transport',
    transportStreamable: 'Streamable HTTP',
    transportSse: 'HTTP with SSE (older servers)',
    connection: 'Connection',
    connectionDirect: 'Direct from the browser',
    connectionRelay: 'Through the server',
    relayOnlyStreamable: 'Through the server, Streamable HTTP is used.',
    bearerToken: 'Bearer token',
    secretHint: 'Stays on this device; never synced or exported.',
    headers: 'Extra headers',
    headersHint: 'One per line, as Name: value. Stay on this device.',
    enabled: 'Enabled',
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    remove: 'Remove',
    removeTitle: (name) => `Remove ${name}?`,
    removeBody: 'The server is removed from every synced device; its token is forgotten here.',
    test: 'Test',
    testing: 'Testing…',
    reachable: (tools) => `Reachable: ${tools} ${tools === 1 ? 'tool' : 'tools'}.`,
    tools: 'Tools',
    resources: 'Resources',
    prompts: 'Prompts',
    none: 'none',
    useRelay: 'Use through the server',
    providedByServer: 'provided by the server',
    operatorServers: 'Provided by the server',
    problem: (problem) => {
      switch (problem.code) {
        case 'nothing_listening':
          return 'Nothing is listening at this URL. Check the address and that the MCP server is running.';
        case 'cors_refused':
          return 'The server answers, but refuses requests from a browser (CORS). Use it through the server.';
        case 'unauthorized':
          return 'The server refused the token (401). Enter a valid bearer token.';
        case 'forbidden':
          return 'The server refused access (403). Check the token and its permissions.';
        case 'not_found':
          return `No MCP endpoint at this URL (${problem.status}). Check the path (often /mcp or /sse) and the transport.`;
        case 'relay_refused':
          return problem.relayCode === 'invalid_relay_token'
            ? 'The relay needs its token: set it under Relay in Settings.'
            : problem.relayCode === 'forbidden_address' || problem.relayCode === 'host_not_allowed'
              ? 'The relay may not reach this address (private or not allowed by the operator).'
              : `The relay refused the request (${problem.relayCode}).`;
        case 'relay_unreachable':
          return 'The relay server could not be reached. Check the relay address in Settings.';
        case 'server_error':
          return `The MCP server failed (${problem.status}). Try again later.`;
        case 'not_mcp':
          return 'Something answered, but not as an MCP server. Check the URL and the transport.';
        case 'timeout':
          return 'The MCP server did not answer in time. Try again later.';
      }
    },
  },
  'zh-CN': {
    section: 'MCP 服务器',
    addServer: '添加 MCP 服务器',
    noServers: '还没有 MCP 服务器。添加一个，让模型可以使用工具。',
    newServer: '新建 MCP 服务器',
    editServer: (name) => `编辑 ${name}`,
    name: '名称',
    url: '服务器 URL',
    transport: '传输方式',
    transportStreamable: 'Streamable HTTP',
    transportSse: 'HTTP + SSE（旧版服务器）',
    connection: '连接方式',
    connectionDirect: '浏览器直连',
    connectionRelay: '通过服务器',
    relayOnlyStreamable: '通过服务器时使用 Streamable HTTP。',
    bearerToken: 'Bearer 令牌',
    secretHint: '只保存在本设备，不会同步或导出。',
    headers: '额外请求头',
    headersHint: '每行一个，格式为 名称: 值。只保存在本设备。',
    enabled: '启用',
    save: '保存',
    cancel: '取消',
    edit: '编辑',
    remove: '移除',
    removeTitle: (name) => `移除 ${name}？`,
    removeBody: '该服务器将从所有同步的设备上移除；本设备上的令牌会被删除。',
    test: '测试',
    testing: '正在测试…',
    reachable: (tools) => `可以连接：${tools} 个工具。`,
    tools: '工具',
    resources: '资源',
    prompts: '提示词',
    none: '无',
    useRelay: '改为通过服务器连接',
    providedByServer: '由服务器提供',
    operatorServers: '由服务器提供',
    problem: (problem) => {
      switch (problem.code) {
        case 'nothing_listening':
          return '此 URL 上没有服务在监听。请检查地址，并确认 MCP 服务器正在运行。';
        case 'cors_refused':
          return '服务器有响应，但拒绝来自浏览器的请求（CORS）。请改为通过服务器连接。';
        case 'unauthorized':
          return '服务器拒绝了令牌（401）。请输入有效的 Bearer 令牌。';
        case 'forbidden':
          return '服务器拒绝访问（403）。请检查令牌及其权限。';
        case 'not_found':
          return `此 URL 上没有 MCP 端点（${problem.status}）。请检查路径（通常是 /mcp 或 /sse）和传输方式。`;
        case 'relay_refused':
          return problem.relayCode === 'invalid_relay_token'
            ? '中继需要令牌：请在“设置 → 中继”中填写。'
            : problem.relayCode === 'forbidden_address' || problem.relayCode === 'host_not_allowed'
              ? '中继不能访问此地址（私有地址，或运营者未允许）。'
              : `中继拒绝了请求（${problem.relayCode}）。`;
        case 'relay_unreachable':
          return '无法连接中继服务器。请在设置中检查中继地址。';
        case 'server_error':
          return `MCP 服务器出错（${problem.status}）。请稍后重试。`;
        case 'not_mcp':
          return '有服务响应，但不是 MCP 服务器。请检查 URL 和传输方式。';
        case 'timeout':
          return 'MCP 服务器没有及时响应。请稍后重试。';
      }
    },
  },
};
