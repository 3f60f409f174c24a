// The engram lab page: memory runs in this tab through the npm build served at /engram/ (WebAssembly);
// the page never calls the server for memory. No framework and no build step, on purpose: it must load
// as is from `engram serve`.
import { Engram } from '/engram/index.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
const error = $('error');
const answer = $('answer');
const buttons = [$('observe'), $('ask')];
let memory = null;

function showError(message) {
  error.textContent = message;
  error.hidden = false;
}

function clearError() {
  error.hidden = true;
  error.textContent = '';
}

function scope() {
  return $('scope').value.trim();
}

function observe() {
  clearError();
  const text = $('fact').value.trim();
  if (!text) {
    showError('Write a fact first.');
    $('fact').focus();
    return;
  }
  try {
    const stored = memory.observe(scope(), text);
    status.textContent = `Stored ${stored} ${stored === 1 ? 'fact' : 'facts'} in “${scope()}”.`;
    const taught = $('taught');
    if (taught.querySelector('.hint')) taught.textContent = '';
    const item = document.createElement('li');
    item.textContent = `${scope()}: ${text}`;
    taught.append(item);
    $('fact').value = '';
    $('question').focus();
  } catch (e) {
    showError(`Could not store that: ${e.message}`);
  }
}

function ask() {
  clearError();
  const question = $('question').value.trim();
  if (!question) {
    showError('Write a question first.');
    $('question').focus();
    return;
  }
  try {
    const value = memory.get(scope(), question);
    const facts = memory.recall(scope(), question, 3);
    answer.classList.toggle('miss', value == null);
    answer.textContent = value ?? 'Memory holds no answer to that question.';
    const list = $('facts');
    list.textContent = '';
    for (const fact of facts) {
      const item = document.createElement('li');
      item.textContent = fact;
      list.append(item);
    }
    $('support').hidden = facts.length === 0;
  } catch (e) {
    showError(`Could not ask that: ${e.message}`);
  }
}

$('observe-form').addEventListener('submit', (event) => {
  event.preventDefault();
  observe();
});
$('fact').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    observe();
  }
});
$('ask-form').addEventListener('submit', (event) => {
  event.preventDefault();
  ask();
});

try {
  const started = performance.now();
  memory = await Engram.forBrowser();
  const ms = Math.round(performance.now() - started);
  status.textContent = `Memory ready (loaded in ${ms} ms). Teach it a fact, then ask.`;
  for (const button of buttons) button.disabled = false;
  document.body.dataset.state = 'ready';
} catch (e) {
  status.textContent = 'Memory did not load.';
  showError(`Could not load the engram module: ${e.message}`);
  document.body.dataset.state = 'failed';
}
