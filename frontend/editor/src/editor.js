// Autograd Lab's program editor: CodeMirror 6 over Streamlit's own text area.
//
// The Streamlit text area (key `editor_source`, inside the run form) stays the single source of
// truth that Python, links, AppTest and the protocol-level benches see. This editor is an
// enhancement drawn over it: every edit is copied into that (hidden) text area, and Ctrl/Cmd+Enter
// clicks the form's Run button, so a run is exactly the form submit it always was. If this bundle
// cannot load, the inline loader shows the plain text area again.
//
// Build: `npm ci && npm run build` in frontend/editor (see README.md there). The built file is
// committed; nothing is built when the app starts.
import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting,
} from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { lintGutter, setDiagnostics } from "@codemirror/lint";

const editors = new WeakMap();   // parent element -> instance
let current = null;              // the instance on this page (one editor per page)
let markerOwner = null;          // token of the marker component that set the shown markers
let ownerMarkers = [];           // its markers, kept for an editor that mounts after it

function findTarget(selector) {
  return selector ? document.querySelector(selector) : null;
}

// React keeps its own copy of an input's value: set it through the native setter, then tell
// React with an input event (the documented way to fill a React-controlled field from outside).
function copyToTextArea(selector, text) {
  const area = findTarget(selector);
  if (!area || area.value === text) return false;
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
  setter.call(area, text);
  area.dispatchEvent(new Event("input", { bubbles: true }));
  return true;
}

function clickRun(instance) {
  const press = () => {
    const button = findTarget(instance.data.run);
    if (button && !button.disabled) button.click();
  };
  // Every edit is already copied; if this one was not, let React commit it before the submit.
  if (copyToTextArea(instance.data.textarea, instance.view.state.doc.toString())) setTimeout(press, 30);
  else press();
  return true;
}

// Python gives 1-based line and column in code points; CodeMirror counts UTF-16 units.
function diagnosticFor(doc, marker) {
  const lineNo = Math.min(Math.max(1, marker.line | 0), doc.lines);
  const line = doc.line(lineNo);
  let from = line.from;
  let to = line.to;
  if (marker.column) {
    const chars = Array.from(line.text);
    const before = chars.slice(0, Math.max(0, marker.column - 1)).join("");
    from = Math.min(line.from + before.length, line.to);
    const here = chars[Math.max(0, marker.column - 1)];
    to = Math.min(from + (here ? here.length : 0), line.to);
    if (from === to && from > line.from) from -= 1;
  }
  return { from, to, severity: "error", message: marker.message || "Error", source: marker.title };
}

function showMarkers(instance, markers) {
  const doc = instance.view.state.doc;
  const diagnostics = (markers || []).filter((m) => m && m.line).map((m) => diagnosticFor(doc, m));
  instance.view.dispatch(setDiagnostics(instance.view.state, diagnostics));
  instance.view.dom.dataset.markers = String(diagnostics.length);
}

const theme = EditorView.theme({
  "&": { fontSize: "14px", border: "1px solid var(--st-border-color, #d0d7de)",
         borderRadius: "var(--st-base-radius, 4px)", backgroundColor: "#fff" },
  "&.cm-focused": { outline: "2px solid var(--st-primary-color, #1f6feb)", outlineOffset: "-1px" },
  ".cm-scroller": { fontFamily: "'Source Code Pro', 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', " +
                    "'Noto Sans Mono', monospace", lineHeight: "1.5", minHeight: "260px",
                    maxHeight: "560px", overflow: "auto" },
  ".cm-content": { minHeight: "260px" },
  ".cm-gutters": { backgroundColor: "#f6f8fa", color: "#6e7781", borderRight: "1px solid #d0d7de" },
  ".cm-lint-marker-error": { cursor: "help" },
  ".cm-lintRange-error": { backgroundColor: "rgba(215, 58, 73, 0.12)" },
});

function create(parent, data) {
  const host = document.createElement("div");
  host.className = "agl-editor";
  parent.appendChild(host);
  const instance = { data, lastSource: data.source, view: null };
  const runKeys = keymap.of([
    { key: "Mod-Enter", run: () => clickRun(instance), preventDefault: true },
    { key: "Ctrl-Enter", run: () => clickRun(instance), preventDefault: true },
    // ⌘+Enter on every platform: "Mod" is Ctrl off a Mac, so a Mac keyboard on a Linux or Windows
    // machine (or a browser that reports the platform oddly) would otherwise not run.
    { key: "Meta-Enter", run: () => clickRun(instance), preventDefault: true },
  ]);
  instance.view = new EditorView({
    parent: host,
    root: parent.getRootNode ? parent.getRootNode() : document,
    state: EditorState.create({
      doc: data.source,
      extensions: [
        runKeys,
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(),
        indentOnInput(), bracketMatching(), highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        python(), indentUnit.of("    "), EditorState.tabSize.of(4),
        lintGutter({ hoverTime: 100 }),
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
        theme,
        EditorView.contentAttributes.of({ "aria-label": data.label || "Program",
                                          "data-testid": "program-editor" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) copyToTextArea(instance.data.textarea, update.state.doc.toString());
        }),
      ],
    }),
  });
  const first = data.markers || (markerOwner !== null ? ownerMarkers : null);
  if (first) showMarkers(instance, first);
  return instance;
}

/** Mount or update the editor inside `parent` with the data Python sent. */
export function render(parent, data) {
  let instance = editors.get(parent);
  if (!instance) {
    instance = create(parent, data);
    editors.set(parent, instance);
  } else {
    instance.data = data;
    // Python's program changed (a run, or a link loaded one): show it; text typed since the last
    // run is kept otherwise.
    if (data.source !== instance.lastSource) {
      instance.lastSource = data.source;
      const doc = instance.view.state.doc.toString();
      if (doc !== data.source) {
        instance.view.dispatch({ changes: { from: 0, to: doc.length, insert: data.source } });
      }
    }
    if (data.markers) showMarkers(instance, data.markers);
  }
  current = instance;
  return () => {
    if (current === instance) current = null;
    instance.view.destroy();
    editors.delete(parent);
  };
}

/** Show markers sent by an error box; `token` names that box so only its removal clears them. */
export function mark(token, markers) {
  markerOwner = token;
  ownerMarkers = markers || [];
  if (current) showMarkers(current, markers);
}

export function unmark(token) {
  if (markerOwner !== token) return;
  markerOwner = null;
  ownerMarkers = [];
  if (current) showMarkers(current, []);
}
