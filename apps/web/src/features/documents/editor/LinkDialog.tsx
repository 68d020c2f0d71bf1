import type { Editor } from '@tiptap/react';
import { Button, Form, Input, Modal } from 'antd';
import { useDocumentsT } from '../i18n/documents-i18n';

const SAFE_URL = /^(https?:\/\/|mailto:)\S+$/i;

/** Sets, changes or removes the link on the selection (or the link under the cursor). */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const t = useDocumentsT();
  const [form] = Form.useForm<{ href: string }>();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';

  const apply = ({ href }: { href: string }) => {
    const url = /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(href) ? `https://${href}` : href;
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <Modal
      open
      title={t('editor.link')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        current && (
          <Button key="remove" danger onClick={remove}>
            {t('editor.linkRemove')}
          </Button>
        ),
        <Button key="apply" type="primary" onClick={() => form.submit()}>
          {t('editor.linkApply')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={{ href: current }} onFinish={apply}>
        <Form.Item
          name="href"
          label={t('editor.linkPrompt')}
          rules={[
            {
              validator: (_, value: string) =>
                SAFE_URL.test(value?.trim() ?? '') || /^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(value?.trim() ?? '')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('editor.linkInvalid'))),
            },
          ]}
          normalize={(v: string) => v.trim()}
        >
          <Input placeholder={t('editor.linkPlaceholder')} inputMode="url" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
