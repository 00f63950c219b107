import { Route, Routes } from 'react-router';
import { RequirePermission } from '../../app/guards';
import { NotFoundPage } from '../../components/not-found-page';
import { FeedbackDetailPage } from './feedback-detail-page';
import { FeedbackListPage } from './feedback-list-page';

/** Officers' handling of feedback and petitions under /phan-anh-kien-nghi/*: the list with due badges, a feedback's detail. */
export function FeedbackModule() {
  return (
    <Routes>
      <Route
        index
        element={
          <RequirePermission permission="feedback.handle">
            <FeedbackListPage />
          </RequirePermission>
        }
      />
      <Route
        path=":id"
        element={
          <RequirePermission permission="feedback.handle">
            <FeedbackDetailPage />
          </RequirePermission>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
