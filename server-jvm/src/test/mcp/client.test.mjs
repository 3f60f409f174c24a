// Drives `engram mcp` with the official TypeScript MCP client over stdio: the protocol as real agents
// speak it, not our own framing. Needs the packaged jar (mvn -pl server-jvm -am package) and Node >= 22.
//   ENGRAM_JAR   the jar (default: server-jvm/target/engram-server.jar beside this file's module)
//   JAVA_HOME    the JDK to run it with (default: java on PATH)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.ENGRAM_JAR ?? resolve(here, '../../../target/engram-server.jar');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

const TOOLS = ['ask', 'forget', 'learn', 'note', 'recall', 'recall_associative', 'recall_chain', 'recall_value',
  'remember', 'route', 'stats', 'var_get', 'var_set', 'vars'];

let db;
let client;
let stderr = '';

/** Calls a tool and returns [isError, parsed JSON text]. */
async function call(name, args) {
  const result = await client.callTool({ name, arguments: args });
  assert.equal(result.content.length, 1, JSON.stringify(result));
  assert.equal(result.content[0].type, 'text');
  return [result.isError === true, JSON.parse(result.content[0].text), result];
}

before(async () => {
  assert.ok(existsSync(jar), `no jar at ${jar}: build it first (mvn -q -B -pl server-jvm -am package -DskipTests)`);
  db = mkdtempSync(join(tmpdir(), 'engram-mcp-'));
  const transport = new StdioClientTransport({
    command: java,
    args: ['-jar', jar, 'mcp', '--db', db, '--scope', 'team'],
    stderr: 'pipe',
  });
  transport.stderr.on('data', (chunk) => { stderr += chunk; });
  client = new Client({ name: 'engram-mcp-test', version: '1.0.0' });
  await client.connect(transport);
});

after(async () => {
  await client?.close();
  if (db) rmSync(db, { recursive: true, force: true });
});

test('the server names itself and lists all fourteen tools, each with an object schema and a description', async () => {
  assert.equal(client.getServerVersion().name, 'engram');
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
  for (const t of tools) {
    assert.equal(t.inputSchema.type, 'object', t.name);
    assert.ok(t.description && t.description.length > 10, t.name);
  }
  const recall = tools.find((t) => t.name === 'recall');
  assert.deepEqual(recall.inputSchema.required, ['question']);
  assert.equal(recall.inputSchema.properties.k.type, 'integer');
});

test('remember, then recall_value answers the value and recall finds the fact', async () => {
  const [err1, stored] = await call('remember', { text: 'The deploy region is us-west-2.' });
  assert.equal(err1, false);
  assert.deepEqual(stored, { stored: 1 });
  const [err2, answer] = await call('recall_value', { question: 'what is the deploy region?' });
  assert.equal(err2, false);
  assert.equal(answer.value, 'us-west-2');
  assert.equal(answer.fact, 'The deploy region is us-west-2.');
  const [, recalled] = await call('recall', { question: 'deploy region', k: 3 });
  assert.deepEqual(recalled.facts, ['The deploy region is us-west-2.']);
});

test('scopes are separate: another scope holds no answer', async () => {
  const [err, answer] = await call('recall_value', { scope: 'other', question: 'what is the deploy region?' });
  assert.equal(err, false);
  assert.equal(answer.value, null);
});

test('recall_chain follows two relations', async () => {
  await call('remember', { text: 'The owner of Aurora is Ana.' });
  await call('remember', { text: 'The timezone of Ana is CET.' });
  const [err, chain] = await call('recall_chain', { chain: 'Aurora -> owner -> timezone' });
  assert.equal(err, false);
  assert.deepEqual(chain, { value: 'CET', path: ['Aurora', 'Ana', 'CET'] });
});

test('note, recall_associative, route, stats and forget answer their shapes', async () => {
  const [, noted] = await call('note', { kind: 'task', text: 'Call Ana about the cache.' });
  assert.deepEqual(noted, { stored: 1 });
  const [, assoc] = await call('recall_associative', { cue: 'Ana', k: 5 });
  assert.ok(assoc.items.some((i) => i.text.includes('Ana')), JSON.stringify(assoc));
  const [, routed] = await call('route', { message: 'what is the deploy region?' });
  assert.equal(routed.route, 'ANSWER');
  assert.equal(routed.value, 'us-west-2');
  const [, before] = await call('stats', {});
  assert.equal(before.facts, 4, JSON.stringify(before));
  const [, forgot] = await call('forget', { substring: 'deploy region' });
  assert.deepEqual(forgot, { forgotten: 1 });
  const [, gone] = await call('recall_value', { question: 'what is the deploy region?' });
  assert.equal(gone.value, null);
});

test('var_set, var_get and vars keep exact name = value pairs per scope', async () => {
  const [err, set] = await call('var_set', { scope: 'vars', name: 'theme', value: 'dark mode' });
  assert.equal(err, false);
  assert.deepEqual(set, { name: 'theme', value: 'dark mode' });
  assert.deepEqual((await call('var_get', { scope: 'vars', name: 'theme' }))[1], { name: 'theme', value: 'dark mode' });
  assert.deepEqual((await call('var_get', { scope: 'other', name: 'theme' }))[1], { name: 'theme', value: null });
  await call('var_set', { scope: 'vars', name: 'editor', value: 'vim' });
  assert.deepEqual((await call('vars', { scope: 'vars' }))[1], { vars: { editor: 'vim', theme: 'dark mode' } });
});

test('learn a topic, then ask answers from it; a question about nothing learned says so', async () => {
  const [err, report] = await call('learn', {
    topic: 'Quorra marsh',
    text: 'Quorra herons nest in reed towers. Reed towers are woven from silverreed. Silverreed grows in the Quorra marsh.',
  });
  assert.equal(err, false, JSON.stringify(report));
  assert.equal(report.topic, 'Quorra marsh');
  assert.ok(report.triples >= 2, JSON.stringify(report));
  const [, known] = await call('ask', { question: 'What do Quorra herons nest in?' });
  assert.equal(known.knowsNothing, false, JSON.stringify(known));
  assert.ok(known.associations.some((a) => /reed tower/i.test(a.name)), JSON.stringify(known.associations));
  const [, unknown] = await call('ask', { question: 'What is the boiling point of zirconium tea?' });
  assert.equal(unknown.knowsNothing, true, JSON.stringify(unknown));
});

test('bad calls answer tool errors and the server goes on', async () => {
  const bad = [
    ['recall_value', {}],                          // required argument missing
    ['recall', { question: 'x', k: 0 }],           // k out of range
    ['remember', { text: 42 }],                    // wrong type
    ['note', { kind: 'poem', text: 'Roses.' }],    // unknown kind
    ['forget', { substring: '' }],                 // would forget the whole scope
    ['remember', { scope: '', text: 'Hi there.' }], // empty scope
    ['recall_chain', { chain: 'Aurora ->' }],      // chain without a relation
    ['var_set', { name: 'theme' }],                // a variable without its value
  ];
  for (const [name, args] of bad) {
    const result = await client.callTool({ name, arguments: args });
    assert.equal(result.isError, true, `${name} ${JSON.stringify(args)} -> ${JSON.stringify(result)}`);
    assert.ok(result.content[0].text.length > 0);
  }
  const [err, answer] = await call('recall_chain', { chain: 'Aurora -> owner' });
  assert.equal(err, false);
  assert.equal(answer.value, 'Ana');
  assert.ok(!stderr.includes('internal error'), stderr);
});
