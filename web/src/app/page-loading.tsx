import { Spin } from 'antd';

export const PageLoading = () => <Spin size="large" style={{ display: 'block', margin: '96px auto' }} />;
