import type { ThemeConfig } from 'antd';

// Focus on fields is blue, not the brand red: with a red primary colour, a focused input would
// otherwise look exactly like one with a validation error.
const FOCUS = '#1f5fa8';
const fieldFocus = {
  hoverBorderColor: '#5b86bd',
  activeBorderColor: FOCUS,
  activeShadow: '0 0 0 2px rgba(31, 95, 168, 0.15)',
};

/**
 * Deep red is the colour of 政协 documents and portals; fonts put the platform's own CJK face
 * first so Chinese renders with the system's hinting (PingFang on Apple, YaHei on Windows).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#a31515',
    colorInfo: FOCUS,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#9f1a1a', headerHeight: 56, headerPadding: '0 16px', bodyBg: '#f5f5f4' },
    Input: fieldFocus,
    InputNumber: fieldFocus,
    DatePicker: fieldFocus,
    Select: {
      hoverBorderColor: fieldFocus.hoverBorderColor,
      activeBorderColor: FOCUS,
      activeOutlineColor: 'rgba(31, 95, 168, 0.15)',
    },
  },
};
