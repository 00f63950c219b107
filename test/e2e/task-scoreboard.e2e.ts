// The Vice-Chairman gives the tasks of a conclusion notice in one go, imports one more from an Excel sheet
// (whose first version has a bad row, shown as rejected), then opens the scoreboard, sees the counts per
// agency, opens the tasks behind a number and downloads the scoreboard as Excel.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { choose, dialogButton, login, screenshotIfFailed, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const NOTICE = 'Thông báo số 245/TB-VPUBND ngày 25/11/2026 kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số';
const FIRST = 'Hoàn thiện phương án bố trí kinh phí chuyển đổi số cấp xã năm 2027';
const SECOND = 'Rà soát hạ tầng mạng tại bộ phận một cửa của phường';
const IMPORTED = 'Tổng hợp kết quả cung cấp dịch vụ công trực tuyến toàn trình';

let flow: BrowserFlow;
let page: Page;
let shot: BrowserFlow['shot'];
let workDir: string;

const HEADERS = ['Nội dung', 'Cơ quan chủ trì (tên hoặc mã định danh)', 'Người chủ trì (tên đăng nhập)', 'Cơ quan phối hợp (cách nhau bởi ;)', 'Hạn (dd/MM/yyyy)', 'Số ngày làm việc', 'Mức độ (Thường/Cao/Khẩn)', 'Kết quả đầu ra'];
async function sheet(name: string, rows: (string | number | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Nhiệm vụ');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  const file = path.join(workDir, name);
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'vps-scoreboard-'));
  flow = await startBrowserFlow(120, { acceptDownloads: true });
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the task scoreboard', () => {
  it('lets the Vice-Chairman give the two tasks of a conclusion notice in one go', async () => {
    await page.goto('/');
    await login(page, 'lanhdao', DEMO_PASSWORD);
    await page.goto('/nhiem-vu/bang-theo-doi');
    await visible(page.getByRole('heading', { name: 'Bảng theo dõi nhiệm vụ' }));
    await visible(page.getByText('Không có nhiệm vụ nào được giao trong kỳ'));

    await page.getByRole('button', { name: 'Giao theo thông báo kết luận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giao theo thông báo kết luận' });
    await visible(dialog);
    await dialog.getByLabel('Kết luận cuộc họp (số thông báo, ngày, nội dung)').fill(NOTICE);
    const items = dialog.getByTestId('bulk-item');
    await items.nth(0).getByLabel('Nội dung nhiệm vụ').fill(FIRST);
    await choose(page, items.nth(0).getByLabel('Cơ quan chủ trì'), 'so tai chinh', 'Sở Tài chính');
    await items.nth(1).getByLabel('Nội dung nhiệm vụ').fill(SECOND);
    await choose(page, items.nth(1).getByLabel('Cơ quan chủ trì'), 'rach gia', 'Ủy ban nhân dân phường Rạch Giá');
    await items.nth(1).getByRole('spinbutton', { name: 'Số ngày làm việc' }).fill('3');
    await shot('task-bulk-dialog', { dialog: true });
    await dialogButton(dialog, 'Giao 2 nhiệm vụ').click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByRole('cell', { name: 'Sở Tài chính', exact: true }));
  });

  it('imports a task from Excel, after the sheet with a bad row was shown as rejected', async () => {
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập từ Excel' });
    await visible(dialog);
    await dialog.getByLabel('Kết luận cuộc họp (số thông báo, ngày, nội dung)').fill(NOTICE);
    const bad = await sheet('nhiem-vu-loi.xlsx', [
      [IMPORTED, 'so tai chinh', null, 'Phường Rạch Giá', null, 10, 'Cao', 'Báo cáo gửi UBND tỉnh'],
      ['Kiểm tra công tác phòng cháy', 'Sở Không Tồn Tại', null, null, '31/02/2026', null, null, null],
    ]);
    await dialog.locator('input[type=file]').setInputFiles(bad);
    await dialogButton(dialog, 'Kiểm tra tệp').click();
    await visible(dialog.getByTestId('import-summary').getByText('2 dòng: 1 hợp lệ, 1 bị từ chối'));
    const rejected = dialog.getByTestId('import-rejected');
    await visible(rejected.getByText('Cơ quan chủ trì: không tìm thấy cơ quan "Sở Không Tồn Tại"', { exact: false }));
    expect(await rejected.locator('td').first().textContent()).toBe('3');
    expect(await dialogButton(dialog, 'Nhập 1 nhiệm vụ').isDisabled()).toBe(true);
    await shot('task-import-rejected', { dialog: true });

    const good = await sheet('nhiem-vu.xlsx', [[IMPORTED, 'so tai chinh', null, 'Phường Rạch Giá', null, 10, 'Cao', 'Báo cáo gửi UBND tỉnh']]);
    await dialog.locator('input[type=file]').setInputFiles(good);
    await dialogButton(dialog, 'Kiểm tra tệp').click();
    await visible(dialog.getByTestId('import-summary').getByText('1 dòng: 1 hợp lệ, 0 bị từ chối'));
    await shot('task-import-checked', { dialog: true });
    await dialogButton(dialog, 'Nhập 1 nhiệm vụ').click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows the counts per agency and a total, and the tasks behind a number', async () => {
    const finance = page.getByRole('row').filter({ hasText: 'Sở Tài chính' });
    await visible(finance.getByRole('button', { name: 'Sở Tài chính: Được giao 2' }));
    await visible(page.getByRole('row').filter({ hasText: 'Rạch Giá' }).getByRole('button', { name: /Được giao 1$/ }));
    await visible(page.getByTestId('total-assigned').getByText('3', { exact: true }));
    expect(await page.getByTestId('total-inProgress').textContent()).toBe('3');
    // nothing could be judged yet: no on-time rate
    expect(await page.getByTestId('total-rate').textContent()).toBe('—');
    await visible(page.getByRole('img', { name: 'Biểu đồ kết quả thực hiện nhiệm vụ theo cơ quan' }));
    await shot('task-scoreboard');

    await page.getByRole('tab', { name: 'Xã, phường, đặc khu' }).click();
    await visible(page.getByRole('cell', { name: 'Ủy ban nhân dân phường Rạch Giá', exact: true }));
    // the ward is in both tables: the department's row leaving is what says the communes' table has come
    await page.getByRole('cell', { name: 'Sở Tài chính', exact: true }).waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('tab', { name: 'Tất cả' }).click();

    await finance.getByRole('button', { name: 'Sở Tài chính: Được giao 2' }).click();
    const drawer = page.getByRole('dialog', { name: 'Sở Tài chính – Được giao' });
    await visible(drawer.getByRole('link', { name: FIRST }));
    await visible(drawer.getByRole('link', { name: IMPORTED }));
    await shot('task-scoreboard-number', { dialog: true });
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('downloads the scoreboard as Excel with the same numbers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bang-theo-doi-nhiem-vu-.*\.xlsx$/);
    const saved = path.join(workDir, download.suggestedFilename());
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const ws = book.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('BẢNG THEO DÕI KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO');
    const names = [ws.getCell(6, 2).value, ws.getCell(7, 2).value];
    expect(names).toContain('Sở Tài chính');
    const total = ws.getRow(8);
    expect([total.getCell(2).value, total.getCell(3).value, total.getCell(7).value]).toEqual(['Tổng cộng', 3, 3]);
  });
});
