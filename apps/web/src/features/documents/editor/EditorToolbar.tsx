import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { type Editor, useEditorState } from '@tiptap/react';
import { Button, Dropdown, Select, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import { useDocumentsT } from '../i18n/documents-i18n';
import { LinkDialog } from './LinkDialog';

type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3';

function ToolButton({
  label,
  icon,
  active,
  disabled,
  onClick,
  testId,
}: {
  label: string;
  icon: ReactNode;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <Tooltip title={label} mouseEnterDelay={0.6}>
      <Button
        type={active ? 'primary' : 'text'}
        ghost={active}
        size="middle"
        icon={icon}
        aria-label={label}
        aria-pressed={active === undefined ? undefined : active}
        disabled={disabled}
        // Keep the text selection: a click on a toolbar button must not move focus out of the editor first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
        className="xs-tool"
        data-testid={testId}
      />
    </Tooltip>
  );
}

/**
 * Formatting for official documents: paragraph styles, bold/italic/underline/strike, lists,
 * links, tables. On a phone it is one row that scrolls sideways, stuck under the page header.
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const t = useDocumentsT();
  const [linkOpen, setLinkOpen] = useState(false);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: (e.isActive('heading', { level: 1 })
        ? 'h1'
        : e.isActive('heading', { level: 2 })
          ? 'h2'
          : e.isActive('heading', { level: 3 })
            ? 'h3'
            : 'paragraph') as BlockType,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const setBlock = (block: BlockType) => {
    if (block === 'paragraph') chain().setParagraph().run();
    else
      chain()
        .setHeading({ level: Number(block.slice(1)) as 1 | 2 | 3 })
        .run();
  };

  const tableItems = [
    { key: 'addRowAfter', label: t('editor.addRowAfter'), onClick: () => chain().addRowAfter().run() },
    { key: 'addColumnAfter', label: t('editor.addColumnAfter'), onClick: () => chain().addColumnAfter().run() },
    { key: 'deleteRow', label: t('editor.deleteRow'), onClick: () => chain().deleteRow().run() },
    { key: 'deleteColumn', label: t('editor.deleteColumn'), onClick: () => chain().deleteColumn().run() },
    { key: 'toggleHeaderRow', label: t('editor.toggleHeaderRow'), onClick: () => chain().toggleHeaderRow().run() },
    { type: 'divider' as const },
    { key: 'deleteTable', danger: true, label: t('editor.deleteTable'), onClick: () => chain().deleteTable().run() },
  ];

  return (
    <div className="xs-toolbar" role="toolbar" aria-label={t('editor.toolbar')} data-testid="editor-toolbar">
      <ToolButton
        label={t('editor.undo')}
        icon={<UndoOutlined />}
        disabled={!s.canUndo}
        onClick={() => chain().undo().run()}
      />
      <ToolButton
        label={t('editor.redo')}
        icon={<RedoOutlined />}
        disabled={!s.canRedo}
        onClick={() => chain().redo().run()}
      />
      <span className="xs-toolbar-sep" aria-hidden />
      <Select<BlockType>
        size="middle"
        value={s.block}
        onChange={setBlock}
        aria-label={t('editor.blockType')}
        className="xs-toolbar-block"
        popupMatchSelectWidth={false}
        options={[
          { value: 'paragraph', label: t('editor.paragraph') },
          { value: 'h1', label: t('editor.heading', { level: 1 }) },
          { value: 'h2', label: t('editor.heading', { level: 2 }) },
          { value: 'h3', label: t('editor.heading', { level: 3 }) },
        ]}
        data-testid="block-type"
      />
      <span className="xs-toolbar-sep" aria-hidden />
      <ToolButton
        label={t('editor.bold')}
        icon={<BoldOutlined />}
        active={s.bold}
        onClick={() => chain().toggleBold().run()}
        testId="tool-bold"
      />
      <ToolButton
        label={t('editor.italic')}
        icon={<ItalicOutlined />}
        active={s.italic}
        onClick={() => chain().toggleItalic().run()}
      />
      <ToolButton
        label={t('editor.underline')}
        icon={<UnderlineOutlined />}
        active={s.underline}
        onClick={() => chain().toggleUnderline().run()}
      />
      <ToolButton
        label={t('editor.strike')}
        icon={<StrikethroughOutlined />}
        active={s.strike}
        onClick={() => chain().toggleStrike().run()}
      />
      <span className="xs-toolbar-sep" aria-hidden />
      <ToolButton
        label={t('editor.bulletList')}
        icon={<UnorderedListOutlined />}
        active={s.bulletList}
        onClick={() => chain().toggleBulletList().run()}
      />
      <ToolButton
        label={t('editor.orderedList')}
        icon={<OrderedListOutlined />}
        active={s.orderedList}
        onClick={() => chain().toggleOrderedList().run()}
      />
      <ToolButton label={t('editor.link')} icon={<LinkOutlined />} active={s.link} onClick={() => setLinkOpen(true)} />
      {s.inTable ? (
        <Dropdown menu={{ items: tableItems }} trigger={['click']}>
          <Button type="primary" ghost icon={<TableOutlined />} className="xs-tool" aria-label={t('editor.tableMenu')}>
            <span className="xs-tool-text">{t('editor.tableMenu')}</span>
          </Button>
        </Dropdown>
      ) : (
        <ToolButton
          label={t('editor.table')}
          icon={<TableOutlined />}
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
          testId="tool-table"
        />
      )}
      {linkOpen && <LinkDialog editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  );
}
