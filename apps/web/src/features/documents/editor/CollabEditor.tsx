import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import type { CollabSession } from '../../collab/collab-session';
import type { PresenceUser } from '../../collab/presence';
import { useDocumentsT } from '../i18n/documents-i18n';
import { collabExtensions } from './editor-extensions';
import { EditorToolbar } from './EditorToolbar';
import { cleanOfficeHtml } from './word-paste';

interface Props {
  session: CollabSession;
  user: PresenceUser;
  editable: boolean;
  title: string;
}

/**
 * The TipTap editor bound to the session's Y.Doc. Chinese input methods work as ProseMirror
 * handles composition itself (nothing is written to the document until a composition ends);
 * paste from Word/WPS goes through cleanOfficeHtml first.
 */
export function CollabEditor({ session, user, editable, title }: Props) {
  const t = useDocumentsT();
  const editor = useEditor(
    {
      extensions: collabExtensions(session, user, t('editor.placeholder')),
      editable,
      // Render on the first pass: the document may already be in memory (IndexedDB or a lingering session).
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'xs-editor-content',
          'aria-label': `${t('editor.label')}：${title}`,
          'aria-multiline': 'true',
          role: 'textbox',
          'data-testid': 'document-editor',
          spellcheck: 'false',
        },
        transformPastedHTML: cleanOfficeHtml,
      },
    },
    [session],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  if (!editor) return null;
  return (
    <div className={`xs-editor${editable ? '' : ' xs-editor-readonly'}`}>
      {editable && <EditorToolbar editor={editor} />}
      <div className="xs-editor-paper">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
