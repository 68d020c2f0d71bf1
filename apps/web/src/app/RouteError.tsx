import { Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from '../shared/i18n/i18n';

interface Props {
  /** Changing the key (the URL) clears the error, so navigating away recovers. */
  resetKey: string;
  children: ReactNode;
}

/**
 * Last resort for a page that threw while rendering — most often a page chunk that no longer
 * exists because a new version was deployed while this tab was open: a reload fetches it.
 * Plain markup: it must render even when no further chunk can be loaded.
 */
export class RouteErrorBoundary extends Component<Props, { error: unknown; key: string }> {
  override state = { error: null as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: unknown; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="xs-route-error" role="alert">
        <h1>{i18n.t('errors.crashTitle')}</h1>
        <p>{i18n.t('errors.crashText')}</p>
        <Button type="primary" onClick={() => window.location.reload()}>
          {i18n.t('common.reload')}
        </Button>
      </div>
    );
  }
}
