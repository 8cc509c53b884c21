import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isLiterLlmError, providerIds, providerRegistry } from '../../src/index.js';
import { GatewayConfigError } from '../config/gateway-config-error.js';
import { configFileOf, createCliClient } from './cli-client.js';
import { serveCommand } from './serve-command.js';
import { CliUsageError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io.js';

const HELP = `liter-llm: every LLM provider through one OpenAI-shaped SDK, from the shell

Usage:
  liter-llm serve [--config FILE] [--host HOST] [--port PORT]
      The gateway: OpenAI-compatible endpoints under /v1 for every configured model.
      One JSON log line per request on stdout. SIGTERM stops it gracefully.
  liter-llm chat -m MODEL [--stream] [--system TEXT] [--config FILE] [PROMPT...]
      One chat completion; the prompt is read from stdin when not given.
  liter-llm models [--provider ID] [--config FILE] [--json]
      With --provider: the provider's live model list. Else the configured model names
      (with --config), or every model the registry lists.
  liter-llm providers [--json]
      Every provider id, its key's environment variable and its endpoints.

Options:
  --config FILE   a gateway config (YAML or JSON); default: $LITER_LLM_CONFIG
  -h, --help      this text
  --version       the package version

Exit codes: 0 done, 1 the call failed, 2 bad usage or config.
`;

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Runs one CLI invocation (argv without node and the script) and resolves to its exit code. */
export async function runCli(argv: readonly string[], io: CliIo, version = 'unknown'): Promise<number> {
  const [name, ...rest] = argv;
  const commands: Record<string, Command> = { serve: serveCommand, chat: chatCommand, models: modelsCommand, providers: providersCommand };
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      io.stdout.write(HELP);
      return name === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (name === '--version') {
      io.stdout.write(`${version}\n`);
      return EXIT_OK;
    }
    const command = commands[name];
    if (command === undefined) throw new CliUsageError(`unknown command "${name}" (commands: ${Object.keys(commands).join(', ')})`);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr.write(`liter-llm: ${error.message}\nRun "liter-llm --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof GatewayConfigError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT_USAGE;
    }
    if (isLiterLlmError(error)) {
      io.stderr.write(`liter-llm: ${error.name}: ${error.message}\n`);
      return EXIT_FAILED;
    }
    throw error;
  }
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T, positionals: boolean) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

async function chatCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      model: { type: 'string', short: 'm' },
      stream: { type: 'boolean', default: false },
      system: { type: 'string' },
      config: { type: 'string' },
    },
    true,
  );
  if (values.model === undefined || values.model === '') throw new CliUsageError('chat needs -m MODEL');
  const prompt = positionals.length > 0 ? positionals.join(' ') : await readAll(io.stdin);
  if (prompt.trim() === '') throw new CliUsageError('chat needs a prompt: as arguments, or on stdin');
  const { client } = await createCliClient(values.config, io);
  const messages = [
    ...(values.system === undefined ? [] : [{ role: 'system' as const, content: values.system }]),
    { role: 'user' as const, content: prompt },
  ];
  try {
    if (values.stream) {
      let ended = true;
      for await (const chunk of client.chatStream({ model: values.model, messages })) {
        const text = chunk.choices[0]?.delta?.content ?? '';
        if (text !== '') {
          io.stdout.write(text);
          ended = text.endsWith('\n');
        }
      }
      if (!ended) io.stdout.write('\n');
    } else {
      const response = await client.chat({ model: values.model, messages });
      const content = response.choices[0]?.message?.content;
      const text = typeof content === 'string' ? content : '';
      io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  } finally {
    client.close();
  }
  return EXIT_OK;
}

async function modelsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { provider: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean', default: false } }, false);
  let ids: string[];
  if (values.provider !== undefined) {
    const { client } = await createCliClient(values.config, io);
    try {
      const list = await client.listModels({ provider: values.provider as never });
      ids = list.data.map((model) => model.id);
    } finally {
      client.close();
    }
  } else {
    const configured = configFileOf(values.config, io) === undefined ? undefined : await createCliClient(values.config, io);
    configured?.client.close();
    ids =
      configured?.configuredNames !== undefined
        ? [...configured.configuredNames]
        : providerIds.flatMap((id) => providerRegistry[id].models.map((model) => `${id}/${model}`));
  }
  io.stdout.write(values.json ? `${JSON.stringify(ids, null, 2)}\n` : ids.map((id) => `${id}\n`).join(''));
  return EXIT_OK;
}

async function providersCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean', default: false } }, false);
  const rows = providerIds.map((id) => {
    const definition = providerRegistry[id];
    const auth = definition.auth as { scheme: string; envVar?: string };
    return { id, name: definition.name, envVar: auth.scheme === 'none' ? undefined : auth.envVar, endpoints: Object.keys(definition.endpoints).sort() };
  });
  if (values.json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    const width = Math.max(...rows.map((row) => row.id.length));
    for (const row of rows) io.stdout.write(`${row.id.padEnd(width)}  ${(row.envVar ?? '-').padEnd(28)}  ${row.endpoints.join(', ')}\n`);
  }
  return EXIT_OK;
}

async function readAll(stdin: CliIo['stdin']): Promise<string> {
  if (stdin.isTTY === true) return '';
  const decoder = new TextDecoder();
  let text = '';
  for await (const part of stdin) text += typeof part === 'string' ? part : decoder.decode(part, { stream: true });
  return text + decoder.decode();
}
