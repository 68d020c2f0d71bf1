import type { ProseMirrorNode } from '@xieshang/protocol';
import { EditorContent, useEditor } from '@tiptap/react';
import { documentExtensions } from './editor-extensions';
import './collab-editor.css';

/** An old version's content, rendered with the same document model as the live editor, read-only. */
export default function VersionContent({ content, label }: { content: ProseMirrorNode; label: string }) {
  const editor = useEditor(
    {
      extensions: documentExtensions(),
      content: content as object,
      editable: false,
      immediatelyRender: true,
      editorProps: {
        attributes: { class: 'xs-editor-content', 'aria-label': label, 'data-testid': 'version-content' },
      },
    },
    [content],
  );
  return (
    <div className="xs-editor xs-editor-readonly">
      <EditorContent editor={editor} />
    </div>
  );
}
