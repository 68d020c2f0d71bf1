import type { AnyExtension } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import { StarterKit } from '@tiptap/starter-kit';
import { COLLAB_FRAGMENT } from '@xieshang/protocol';
import type { CollabSession } from '../../collab/collab-session';
import type { PresenceUser } from '../../collab/presence';

/**
 * The document model every view of a document shares (live editor, old versions): the
 * server's templates and its plain-text/diff extraction read the same node names
 * (heading, paragraph, bulletList, orderedList, listItem, table…).
 */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      // Official documents have no code; Word's monospace paragraphs would otherwise paste as code blocks.
      code: false,
      codeBlock: false,
      // Undo is per person with Yjs (Collaboration brings its own); ProseMirror's history would undo others' typing.
      undoRedo: false,
      // Each client would append its own empty paragraph after a final table: duplicates once merged.
      trailingNode: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['http', 'https', 'mailto'] },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}

/** A caret with the person's name above it, in their colour (CSS in collab-editor.css). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  // Screen readers get the presence list instead of names read out in the middle of sentences.
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = String(user.color);
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = String(user.color);
  label.textContent = String(user.name);
  label.setAttribute('data-testid', 'remote-caret');
  caret.append(label);
  return caret;
}

/** The live editor: the shared model bound to the session's Y.Doc, with everyone's carets. */
export function collabExtensions(session: CollabSession, user: PresenceUser, placeholder: string): AnyExtension[] {
  return [
    ...documentExtensions(),
    Placeholder.configure({ placeholder }),
    Collaboration.configure({ document: session.doc, field: COLLAB_FRAGMENT }),
    CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
  ];
}
