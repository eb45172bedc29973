import { autocompletion, closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { jinja } from '@codemirror/lang-jinja';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, linter, lintGutter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder as placeholderText } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { cn } from '../../lib/cn';
import { type EditorMarker, markerToRange } from './editor-markers';

export type EditorLanguage = 'jinja' | 'json' | 'text';

export interface CodeEditorProps {
  value: string;
  onChange?: (value: string) => void;
  language?: EditorLanguage;
  readOnly?: boolean;
  /** Errors to mark, 1-based line and column (a render error from the API, say). */
  markers?: EditorMarker[];
  placeholder?: string;
  /** CSS min-height of the editable area, e.g. '8rem'. */
  minHeight?: string;
  maxHeight?: string;
  ariaLabel: string;
  className?: string;
}

function languageExtension(language: EditorLanguage): Extension {
  if (language === 'jinja') return jinja();
  // JSON syntax errors are marked as the user types, with no round trip to the server; an empty
  // editor (an optional field left blank) is not an error.
  if (language === 'json') {
    const parseLinter = jsonParseLinter();
    return [json(), linter((view) => (view.state.doc.length === 0 ? [] : parseLinter(view)), { delay: 250 })];
  }
  return [];
}

/**
 * CodeMirror 6 as a controlled React component: syntax highlighting, bracket matching, history,
 * line numbers, and error markers. The view is created once; value, language and read-only changes
 * are applied to it in place so the cursor and undo history survive re-renders.
 */
export function CodeEditor({
  value,
  onChange,
  language = 'text',
  readOnly = false,
  markers,
  placeholder,
  minHeight = '6rem',
  maxHeight = '32rem',
  ariaLabel,
  className,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const compartments = useRef({ language: new Compartment(), readOnly: new Compartment(), theme: new Compartment() });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is built once; later prop changes are dispatched below.
  useEffect(() => {
    if (!host.current) return;
    const { language: languageSlot, readOnly: readOnlySlot, theme: themeSlot } = compartments.current;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          highlightActiveLine(),
          lintGutter(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': ariaLabel }),
          placeholder ? placeholderText(placeholder) : [],
          languageSlot.of(languageExtension(language)),
          readOnlySlot.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          themeSlot.of(EditorView.theme({ '.cm-content, .cm-gutter': { minHeight }, '.cm-scroller': { maxHeight, overflow: 'auto' } })),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current?.(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) {
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.language.reconfigure(languageExtension(language)) });
  }, [language]);

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.current.readOnly.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
    });
  }, [readOnly]);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const diagnostics: Diagnostic[] = (markers ?? []).map((marker) => ({
      ...markerToRange(current.state.doc, marker),
      severity: 'error',
      message: marker.message,
    }));
    current.dispatch(setDiagnostics(current.state, diagnostics));
  }, [markers]);

  return <div ref={host} className={cn('min-w-0', className)} data-language={language} />;
}
