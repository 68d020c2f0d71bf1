import type { ThemeConfig } from 'antd';

/**
 * Deep red is the colour of 政协 documents and portals; fonts put the platform's own CJK face
 * first so Chinese renders with the system's hinting (PingFang on Apple, YaHei on Windows).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#a31515',
    colorInfo: '#1f5fa8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#9f1a1a', headerHeight: 56, headerPadding: '0 16px', bodyBg: '#f5f5f4' },
  },
};
