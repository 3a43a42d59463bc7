### GFCE Hub, tiếng Việt — Shared by every page: the frame, navigation, lists and forms, dates, and the names of kinds, roles, states and fields.

site-name = GFCE Hub
site-tagline = Nền tảng toàn cầu của Diễn đàn toàn cầu các chuyên gia không gian mạng

skip-to-content = Chuyển đến nội dung chính

nav-label = Điều hướng chính
nav-home = Trang chủ
nav-members = Thành viên và đối tác
nav-events = Sự kiện
nav-api = API dữ liệu mở

language-switch-label = Ngôn ngữ
language-switch-to = Read in English

footer-about = GFCE Hub giúp các quốc gia, tổ chức và doanh nghiệp chia sẻ kiến thức về nâng cao năng lực an toàn thông tin, vì một không gian mạng mở, tự do và an toàn.
footer-openapi = Mô tả API (OpenAPI)

breadcrumbs-label = Đường dẫn

fallback-notice = Chưa có bản tiếng Việt; đang hiển thị bản tiếng Anh.
fallback-notice-original = Chưa có bản tiếng Việt hay tiếng Anh; đang hiển thị bản gốc bằng { $language }.

filters-heading = Bộ lọc

filter-q = Tên có chứa
filter-q-hint = Có thể gõ không dấu: “viet nam” sẽ tìm thấy “Việt Nam”.
filter-kind = Loại
filter-membership = Hình thức tham gia
filter-founding = Thành viên sáng lập
filter-region = Khu vực
filter-country = Quốc gia hoặc trụ sở
filter-theme = Chủ đề

theme-family-hague-2015 = Lĩnh vực trong văn kiện thành lập (2015)
theme-family-delhi-2017 = Chủ đề nhóm công tác GFCE (2017)

filter-series = Chuỗi sự kiện
filter-any = Tất cả
filter-yes = Có
filter-no = Không
filter-apply = Áp dụng bộ lọc
filter-clear = Xóa bộ lọc

results-count = { $count ->
    [0] Không có kết quả phù hợp với bộ lọc.
   *[other] { $count } kết quả
}
results-label = Kết quả

pagination-label = Trang
pagination-previous = Trang trước
pagination-next = Trang sau
pagination-status = Trang { $page } / { $pages }

error-summary-title = Có lỗi cần sửa

kind-country = Quốc gia
kind-intergovernmental = Tổ chức liên chính phủ
kind-international = Tổ chức quốc tế
kind-company = Doanh nghiệp
kind-ngo = Tổ chức phi chính phủ
kind-academia = Giới học thuật
kind-civil_society = Xã hội dân sự
kind-technical = Cộng đồng kỹ thuật

membership-member = Thành viên
membership-partner = Đối tác

kind-government = Cơ quan nhà nước
kind-other = Tổ chức khác

membership-none = Chưa là thành viên

date = ngày { $day } tháng { $monthnum } năm { $year }
date-range = { $start } – { $end }

month-1 = tháng 1
month-2 = tháng 2
month-3 = tháng 3
month-4 = tháng 4
month-5 = tháng 5
month-6 = tháng 6
month-7 = tháng 7
month-8 = tháng 8
month-9 = tháng 9
month-10 = tháng 10
month-11 = tháng 11
month-12 = tháng 12

back-home = Về trang chủ

param-q = Tên có chứa
param-kind = Loại
param-membership = Hình thức tham gia
param-founding = Thành viên sáng lập
param-region = Khu vực
param-country = Quốc gia hoặc trụ sở
param-theme = Chủ đề
param-series = Chuỗi sự kiện
param-page = Trang
param-per_page = Số mục mỗi trang
param-query = Chuỗi truy vấn

type-member = Thành viên hoặc đối tác
type-event = Sự kiện
type-actor = Tổ chức khác
type-project = Dự án
type-tool = Công cụ
type-publication = Ấn phẩm

filter-type = Loại nội dung
filter-status = Trạng thái
filter-year = Năm

status-planned = Đã lên kế hoạch
status-ongoing = Đang thực hiện
status-completed = Đã hoàn thành
status-suspended = Tạm dừng
status-cancelled = Đã hủy

param-type = Loại nội dung
param-status = Trạng thái
param-year = Năm

# Kho tri thức: dự án, công cụ, ấn phẩm, tổ chức, quốc gia
nav-projects = Dự án
nav-tools = Công cụ
nav-publications = Ấn phẩm
nav-countries = Quốc gia

filter-text = Tên hoặc tóm tắt có chứa
filter-beneficiary = Quốc gia hưởng lợi
filter-language = Ngôn ngữ làm việc
filter-resource-language = Ngôn ngữ
filter-resource-kind = Loại
filter-year-hint = Các dự án diễn ra vào một thời điểm trong năm này, ví dụ 2024.
filter-actor = Tổ chức
filter-actor-hint = Phần cuối của địa chỉ trang của tổ chức, ví dụ netherlands.
filter-tag = Nhãn
filter-order = Sắp xếp

param-actor = Tổ chức
param-language = Ngôn ngữ
param-tag = Nhãn
param-order = Sắp xếp

role-funder = Nhà tài trợ
role-implementer = Đơn vị thực hiện
role-partner = Đối tác
role-author = Tác giả
role-publisher = Nhà xuất bản
role-organiser = Đơn vị tổ chức

param-email = Địa chỉ thư điện tử
param-password = Mật khẩu
param-current = Mật khẩu hiện tại
param-new = Mật khẩu mới

role-admin = Quản trị viên (ban thư ký)
role-curator = Người biên tập
role-representative = Đại diện của thành viên hoặc đối tác
role-registered = Người dùng đã đăng ký

nav-login = Đăng nhập

param-confirmation = Nhập lại mật khẩu
param-name_en = Tên tiếng Anh
param-name_vi = Tên tiếng Việt
param-website = Trang web
param-contact_name = Người liên hệ
param-contact_email = Địa chỉ thư điện tử của người liên hệ
param-motivation = Lý do tham gia
param-themes = Chủ đề quan tâm
param-endorse_hague = Chúng tôi tán thành Tuyên bố La Hay về GFCE (2015)
param-endorse_framework = Chúng tôi tán thành Khung GFCE
param-endorse_delhi = Chúng tôi tán thành Thông cáo Delhi về Chương trình nghị sự toàn cầu của GFCE về xây dựng năng lực an ninh mạng (2017)
param-official_name = Họ tên quan chức tán thành
param-official_title = Chức danh hoặc chức vụ của quan chức tán thành
param-state = Trạng thái
param-reason = Lý do
param-slug = Địa chỉ (slug)
param-title_en = Tên bằng tiếng Anh
param-title_vi = Tên bằng tiếng Việt
param-summary_en = Tóm tắt bằng tiếng Anh
param-summary_vi = Tóm tắt bằng tiếng Việt
param-description_en = Mô tả bằng tiếng Anh
param-description_vi = Mô tả bằng tiếng Việt
param-starts_on = Ngày bắt đầu
param-ends_on = Ngày kết thúc
param-countries = Quốc gia hưởng lợi
param-tags = Thẻ
param-budget_amount = Ngân sách
param-budget_currency = Đơn vị tiền tệ của ngân sách
param-source_url = Nguồn thông tin
param-comment = Nhận xét gửi tác giả
param-published_on = Ngày xuất bản
param-url = Địa chỉ web
param-languages = Ngôn ngữ
param-code = Mã từ ứng dụng
param-recovery = Mã khôi phục
