# GFCE Hub — Tiếng Việt

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

home-title = Cùng nhau nâng cao năng lực an toàn thông tin
home-lead = GFCE Hub là nơi các quốc gia, tổ chức quốc tế và doanh nghiệp chia sẻ kiến thức về nâng cao năng lực an toàn thông tin trên mạng, phòng chống tội phạm mạng, bảo vệ dữ liệu và chính phủ điện tử. Xem ai đang làm gì, ở đâu, và kết nối quốc gia cần hỗ trợ với những bên có thể hỗ trợ.
home-counts-heading = Cộng đồng qua các con số
count-members = thành viên
count-partners = đối tác
count-founding = thành viên sáng lập
count-countries = quốc gia thành viên
count-events = sự kiện
home-story-heading = Khởi đầu
home-story-p1 = Diễn đàn toàn cầu các chuyên gia không gian mạng (GFCE) được thành lập trong khuôn khổ Hội nghị toàn cầu về không gian mạng 2015 tại La Hay. Thông qua Tuyên bố Hague ngày 16/4/2015, 42 quốc gia, vùng lãnh thổ và tổ chức quốc tế đã trở thành thành viên sáng lập của GFCE.
home-story-p2 = Việt Nam là một trong số đó, và là quốc gia duy nhất tại Đông Nam Á tham gia sáng lập diễn đàn; Bộ Thông tin và Truyền thông là đại diện của Chính phủ Việt Nam tại Hội nghị.
home-story-p3 = Các thành viên chia sẻ kiến thức và kinh nghiệm để thành viên ít kinh nghiệm được hưởng lợi từ các quốc gia và tập đoàn có nhiều kinh nghiệm, góp phần xây dựng không gian mạng mở, tự do và an toàn.
home-story-quote = “Trên không gian mạng, các quốc gia không thể hành động một mình, họ cần dựa vào các quốc gia, các bên liên quan khác.”
home-story-quote-by = Ông Bert Koenders, Bộ trưởng Bộ Ngoại giao Vương quốc Hà Lan, tại buổi ra mắt GFCE
home-founding-link = Xem 42 thành viên sáng lập
home-areas-heading = Bốn lĩnh vực chia sẻ kiến thức
home-events-heading = Sự kiện mới nhất
home-events-all = Tất cả sự kiện

members-title = Thành viên và đối tác
members-lead = Thành viên của GFCE là các quốc gia, tổ chức liên chính phủ, tổ chức quốc tế và doanh nghiệp; đối tác là các tổ chức phi chính phủ, giới học thuật, xã hội dân sự và cộng đồng kỹ thuật.
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

member-kind = Loại
member-membership = Hình thức tham gia
member-country = Quốc gia
member-seat = Trụ sở
member-founding = Thành viên sáng lập
member-founding-yes = Có — đã ký Tuyên bố Hague ngày 16/4/2015
member-joined = Ngày tham gia
member-website = Trang web
member-listed-as = Tên trong nguồn tư liệu
member-themes = Chủ đề
member-short-name = Tên viết tắt
member-other-in-country = Xem mọi thành viên và đối tác có trụ sở tại { $country }

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
founding-badge = Thành viên sáng lập

events-title = Sự kiện
events-lead = Các hội nghị và cuộc họp của cộng đồng GFCE, bắt đầu từ chuỗi Hội nghị toàn cầu về không gian mạng, nơi GFCE được thành lập.
event-series = Chuỗi sự kiện
event-dates = Thời gian
event-place = Địa điểm
event-website = Trang web
event-organiser = Đơn vị tổ chức
event-themes = Chủ đề
event-founding-link = Xem 42 thành viên sáng lập ra mắt tại hội nghị này

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

page-not-found-title = Không tìm thấy trang
page-not-found-body = Không có trang nào ở địa chỉ này. Nếu bạn tự gõ địa chỉ, hãy kiểm tra lại; nếu bạn theo một liên kết, liên kết đó có thể đã cũ.
page-error-title = Rất tiếc, đã xảy ra lỗi
page-error-body = Dịch vụ không thể trả lời yêu cầu này. Vui lòng thử lại sau.
page-unavailable-title = Dịch vụ tạm thời không khả dụng
page-unavailable-body = Dịch vụ hiện không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau vài phút.
page-bad-request-title = Vui lòng kiểm tra thông tin đã nhập
back-home = Về trang chủ

problem-not-found = Không tìm thấy
problem-not-found-detail = Không có gì tại { $path }.
problem-invalid-parameter = Tham số không hợp lệ
problem-invalid-parameter-detail = Tham số “{ $param }” { $reason }
problem-internal = Lỗi nội bộ
problem-internal-detail = Dịch vụ không thể trả lời yêu cầu này; lỗi đã được ghi lại.
problem-unavailable = Dịch vụ tạm thời không khả dụng
problem-unavailable-detail = Hiện không kết nối được cơ sở dữ liệu.
problem-bad-query = Không đọc được chuỗi truy vấn.

error-empty = không được để trống.
error-too-long = quá dài (tối đa { $max } ký tự).
error-slug = chỉ được chứa chữ thường a–z, chữ số và dấu gạch nối đơn.
error-country = không phải là mã quốc gia ISO 3166-1 alpha-2 (ví dụ VN hoặc NL).
error-region = không phải là mã khu vực hoặc tiểu khu vực UN M49 (ví dụ 142 hoặc 035).
error-language = không phải là ngôn ngữ được hỗ trợ (vi hoặc en).
error-not-allowed = không thuộc các giá trị cho phép.
error-bool = phải là true hoặc false.
error-range = phải là số nguyên từ { $min } đến { $max }.
error-date = phải là ngày viết theo dạng YYYY-MM-DD.
error-no-text = cần có nội dung bằng tiếng Anh hoặc tiếng Việt.
error-unknown-theme = không phải là chủ đề trong danh mục.
error-unknown-series = không phải là chuỗi sự kiện.
error-language-code = không phải mã ngôn ngữ ISO 639-1 (ví dụ vi, en hoặc fr).
error-currency = không phải mã tiền tệ ISO 4217 đang dùng (ví dụ EUR, USD hoặc VND).
error-amount = phải là một số tiền không âm như 1500000 hoặc 2500.50, không dùng dấu phân cách hàng nghìn.
error-url = phải là một địa chỉ web bắt đầu bằng http:// hoặc https://.
error-date-order = không được trước ngày bắt đầu.
error-duplicate = được ghi nhiều hơn một lần.
error-unknown-actor = không trỏ tới tổ chức nào đã biết.
error-email = phải là một địa chỉ thư điện tử, ví dụ ten@example.org.
error-password-short = quá ngắn (tối thiểu { $min } ký tự).
error-password-common = quá phổ biến hoặc quá dễ đoán. Hãy chọn một cụm từ dài hơn mà người khác không nghĩ tới.
error-password-personal = không được chứa phần trước dấu @ trong địa chỉ thư điện tử của bạn.
error-query = không đọc được.

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

search-title = Tìm kiếm
search-label = Tìm kiếm trên GFCE Hub
search-button = Tìm
search-hint = Thành viên, tổ chức, dự án, công cụ, ấn phẩm và sự kiện, bằng tiếng Việt hoặc tiếng Anh; có thể gõ không dấu.
search-facets-heading = Thu hẹp kết quả
search-chosen = đang chọn — chọn để bỏ
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
param-type = Loại nội dung
param-status = Trạng thái
param-year = Năm
feed-latest = nội dung mới thêm và cập nhật

# Kho tri thức: dự án, công cụ, ấn phẩm, tổ chức, quốc gia
nav-projects = Dự án
nav-tools = Công cụ
nav-publications = Ấn phẩm
nav-countries = Quốc gia
count-projects = dự án
home-explore-heading = Khám phá kho tri thức
home-explore-projects = Các dự án nâng cao năng lực: ai tài trợ, ai thực hiện, ở đâu, về chủ đề gì, và dự án nào có thể trùng lặp.
home-explore-tools = Hướng dẫn, khung, bộ công cụ, khóa đào tạo và tiêu chuẩn để nâng cao năng lực an ninh mạng.
home-explore-publications = Báo cáo, nghiên cứu và tài liệu chính sách về nâng cao năng lực an ninh mạng.
home-explore-countries = Hồ sơ của từng quốc gia: chiến lược, CERT và pháp luật, các tổ chức có trụ sở tại đó và các dự án hỗ trợ quốc gia.

projects-title = Dự án
projects-lead = Các dự án và sáng kiến nâng cao năng lực an ninh mạng: ai tài trợ, ai thực hiện, ở đâu, về chủ đề gì và khi nào.
tools-title = Công cụ
tools-lead = Hướng dẫn, khung, bộ công cụ, khóa đào tạo, tiêu chuẩn, phần mềm và bộ dữ liệu phục vụ nâng cao năng lực an ninh mạng.
publications-title = Ấn phẩm
publications-lead = Báo cáo, nghiên cứu và tài liệu chính sách về nâng cao năng lực an ninh mạng.
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
order-newest = Bắt đầu gần đây nhất trước
order-title = Theo tên
list-of-actor = Chỉ hiển thị hoạt động của
param-actor = Tổ chức
param-language = Ngôn ngữ
param-tag = Nhãn
param-order = Sắp xếp
card-places = Bên hưởng lợi:
card-themes = Chủ đề:
places-more = và { $count } nơi khác
period-from = Từ { $date }
period-until = Đến { $date }

caption-project = Dự án
caption-tool = Công cụ
caption-publication = Ấn phẩm
caption-country = Hồ sơ quốc gia
project-status = Trạng thái
project-start = Ngày bắt đầu
project-end = Ngày kết thúc
project-budget = Ngân sách
project-funders = Nhà tài trợ
project-implementers = Đơn vị thực hiện
project-partners = Đối tác
project-countries = Quốc gia hưởng lợi
project-regions = Khu vực hưởng lợi
project-themes = Chủ đề
project-tags = Nhãn
project-languages = Ngôn ngữ làm việc
project-links = Liên kết
project-source = Nguồn
project-iati = Mã định danh IATI
project-description = Mô tả
last-updated = Cập nhật lần cuối
role-funder = Nhà tài trợ
role-implementer = Đơn vị thực hiện
role-partner = Đối tác
role-author = Tác giả
role-publisher = Nhà xuất bản
role-organiser = Đơn vị tổ chức

overlap-heading = Các dự án có thể trùng lặp
overlap-lead = Các dự án cùng hỗ trợ một địa bàn, có chủ đề chung và triển khai cùng thời gian với dự án này. Đối chiếu các dự án này giúp tránh trùng lặp nỗ lực.
overlap-none = Không tìm thấy dự án nào có thể trùng lặp.
overlap-score = Tương đồng { $percent }%
overlap-countries = Cùng hỗ trợ { $names }
overlap-regions = Cùng hướng tới { $names }
overlap-themes = Chủ đề chung: { $names }
overlap-period = Cùng triển khai trong khoảng { $period }
overlap-period-open = Thời gian thực hiện trùng nhau, chưa có ngày kết thúc chung
overlap-text = Tên và tóm tắt giống nhau { $percent }%

resource-kind = Loại
resource-published = Ngày công bố
resource-url = Địa chỉ web
resource-authors = Tác giả
resource-publishers = Nhà xuất bản
resource-themes = Chủ đề
resource-regions = Khu vực
resource-languages = Ngôn ngữ
resource-kind-guide = Hướng dẫn
resource-kind-framework = Khung
resource-kind-toolkit = Bộ công cụ
resource-kind-training_course = Khóa đào tạo
resource-kind-standard = Tiêu chuẩn
resource-kind-software = Phần mềm
resource-kind-dataset = Bộ dữ liệu
resource-kind-report = Báo cáo
resource-kind-study = Nghiên cứu
resource-kind-policy_paper = Tài liệu chính sách

actor-iati = Mã tổ chức IATI
work-projects-heading = Dự án
work-tools-heading = Công cụ
work-publications-heading = Ấn phẩm
see-all-projects = Xem tất cả { $count } dự án
see-all-tools = Xem tất cả { $count } công cụ
see-all-publications = Xem tất cả { $count } ấn phẩm

countries-title = Quốc gia
countries-lead = Mọi quốc gia và vùng lãnh thổ, nhóm theo khu vực UN M49. Mỗi hồ sơ tổng hợp các thông tin chính, các tổ chức có trụ sở tại đó, các dự án hỗ trợ quốc gia và các sự kiện quốc gia đã đăng cai.
countries-regions-heading = Khu vực
countries-no-region = Các vùng lãnh thổ khác
country-projects-count = { $count } dự án
country-member-badge = Thành viên GFCE
country-name-other = Tên tiếng Anh
country-codes = Mã ISO 3166-1
country-region = Khu vực
country-languages = Ngôn ngữ
country-membership = Tư cách thành viên GFCE
country-member-since = Thành viên từ { $date }
country-facts-heading = Thông tin chính
country-facts-none = Chưa có thông tin chính nào về quốc gia này.
fact-strategy = Chiến lược an ninh mạng quốc gia
fact-cert = Đội ứng cứu sự cố máy tính quốc gia (CERT)
fact-data_protection_law = Luật bảo vệ dữ liệu cá nhân
fact-cybercrime_law = Luật về tội phạm mạng / an ninh mạng
fact-source = Nguồn: { $host }
country-actors-heading = Thành viên và tổ chức có trụ sở tại { $country }
country-actors-none = Chưa có tổ chức nào có trụ sở tại đây.
country-benefits-heading = Dự án hỗ trợ { $country }
country-projects-none = Chưa có dự án nào hỗ trợ quốc gia này.
country-funds-heading = Dự án do { $country } tài trợ hoặc thực hiện
country-tools-heading = Công cụ bằng { $languages }
country-tools-none = Chưa có công cụ nào bằng các ngôn ngữ này.
country-tools-all = Tất cả công cụ bằng { $language }
country-events-heading = Sự kiện tổ chức tại { $country }

# Accounts
problem-forbidden = Bị từ chối
problem-forbidden-detail = Biểu mẫu không được gửi từ trang này hoặc đã hết hạn; hãy tải lại trang và thử lại.
problem-throttled = Quá nhiều yêu cầu
problem-throttled-detail = Có quá nhiều yêu cầu, lần đăng nhập sai hoặc yêu cầu gửi thư từ đây trong thời gian ngắn; hãy chờ rồi thử lại sau.
page-forbidden-title = Biểu mẫu đã hết hạn
page-forbidden-body = Biểu mẫu không được gửi từ trang này hoặc đã quá cũ. Hãy quay lại, tải lại trang và thử lại.
page-throttled-title = Quá nhiều yêu cầu
page-throttled-body = Có quá nhiều yêu cầu, lần đăng nhập sai hoặc yêu cầu gửi thư từ địa chỉ của bạn trong thời gian ngắn. Hãy chờ một lát trước khi thử lại.
login-title = Đăng nhập
login-submit = Đăng nhập
logout-submit = Đăng xuất
account-title = Tài khoản của bạn
account-role = Vai trò
account-password-heading = Đổi mật khẩu
account-password-hint = Ít nhất 12 ký tự. Tránh mật khẩu phổ biến và địa chỉ thư điện tử của bạn; một cụm nhiều từ dễ nhớ và khó đoán.
account-password-submit = Đổi mật khẩu
account-password-changed = Mật khẩu của bạn đã được đổi. Các phiên đăng nhập khác đã được đăng xuất.
param-email = Địa chỉ thư điện tử
param-password = Mật khẩu
param-current = Mật khẩu hiện tại
param-new = Mật khẩu mới
error-login-failed = hoặc mật khẩu không đúng.
error-wrong-password = không đúng.
role-admin = Quản trị viên (ban thư ký)
role-curator = Người biên tập
role-representative = Đại diện của thành viên hoặc đối tác
role-registered = Người dùng đã đăng ký
nav-login = Đăng nhập
login-forgot = Quên mật khẩu?
login-register = Tạo tài khoản
param-confirmation = Nhập lại mật khẩu
error-passwords-differ = không khớp với mật khẩu.
register-title = Tạo tài khoản
register-lead = Tài khoản cho phép bạn theo dõi hoạt động của GFCE và, khi tổ chức của bạn là thành viên hoặc đối tác, đại diện cho tổ chức. Bạn sẽ nhận được một thư tại địa chỉ bạn cung cấp.
register-submit = Tạo tài khoản
register-have-account = Đã có tài khoản? Đăng nhập
register-done-title = Hãy kiểm tra hộp thư
register-done-body = Một thư đang được gửi tới địa chỉ bạn đã cung cấp, hướng dẫn các bước tiếp theo. Nếu sau vài phút chưa thấy thư, hãy xem trong thư mục thư rác.
reset-title = Đặt lại mật khẩu
reset-lead = Nhập địa chỉ thư điện tử của tài khoản. Nếu địa chỉ có tài khoản, một thư kèm liên kết để chọn mật khẩu mới sẽ được gửi tới; liên kết chỉ dùng được một lần, trong một giờ.
reset-submit = Gửi liên kết
reset-done-title = Hãy kiểm tra hộp thư
reset-done-body = Nếu địa chỉ này có tài khoản, một thư kèm liên kết để chọn mật khẩu mới đang được gửi tới. Liên kết chỉ dùng được một lần, trong một giờ.
reset-new-title = Chọn mật khẩu mới
reset-new-submit = Đặt mật khẩu mới
reset-complete-title = Mật khẩu của bạn đã được đổi
reset-complete-body = Mọi phiên đăng nhập của tài khoản đã được đăng xuất. Hãy đăng nhập bằng mật khẩu mới.
page-link-gone-title = Liên kết này không còn dùng được
page-link-gone-body = Liên kết đặt lại mật khẩu chỉ dùng được một lần, trong một giờ. Hãy yêu cầu liên kết mới tại trang đặt lại mật khẩu.
page-link-unknown-title = Liên kết này không đúng
page-link-unknown-body = Liên kết không phải do chúng tôi gửi, hoặc đã bị chương trình thư cắt ngắn. Hãy sao chép toàn bộ liên kết trong thư, hoặc yêu cầu liên kết mới tại trang đặt lại mật khẩu.
problem-link-gone = Liên kết không còn hiệu lực
problem-link-gone-detail = Liên kết đã được dùng hoặc đã hết hạn.
problem-link-unknown = Liên kết không xác định
problem-link-unknown-detail = Liên kết không phải do trang này gửi.
page-not-permitted-title = Bạn không được xem trang này
page-not-permitted-body = Vai trò của tài khoản bạn không cho phép truy cập trang này. Hãy liên hệ ban thư ký GFCE nếu bạn cho rằng cần được phép.
problem-not-permitted = Không được phép
problem-not-permitted-detail = Vai trò của tài khoản bạn không cho phép việc này.
outbox-title = Hộp thư đi
outbox-empty = Chưa có thư nào.
outbox-to = Người nhận
outbox-created = Thời điểm soạn
outbox-status = Trạng thái
outbox-sent = Đã gửi
outbox-pending = { $attempts ->
    [0] Đang chờ, chưa thử gửi
   *[other] Đang chờ, đã thử gửi { $attempts } lần
}
outbox-last-error = Lỗi gần nhất
mail-welcome-subject = Tài khoản GFCE Hub của bạn
mail-welcome-body =
    Xin chào,

    Một tài khoản trên GFCE Hub, nền tảng của Diễn đàn Toàn cầu về Chuyên môn An ninh mạng (GFCE), đã được tạo cho { $email }. Đăng nhập tại đây:

    { $link }

    Nếu bạn không tạo tài khoản này, người khác đã dùng địa chỉ của bạn. Hãy chọn mật khẩu mới bằng mục "Quên mật khẩu?" tại trang đăng nhập và báo cho ban thư ký GFCE.

    GFCE Hub
mail-already-registered-subject = Có người muốn đăng ký địa chỉ của bạn trên GFCE Hub
mail-already-registered-body =
    Xin chào,

    Có người đã yêu cầu tạo tài khoản GFCE Hub cho { $email }, nhưng địa chỉ này đã có tài khoản, nên không có gì thay đổi.

    Nếu đó là bạn và bạn quên mật khẩu, hãy chọn mật khẩu mới tại đây:

    { $link }

    Nếu không phải bạn, bạn không cần làm gì.

    GFCE Hub
mail-reset-subject = Chọn mật khẩu GFCE Hub mới
mail-reset-body =
    Xin chào,

    Có người đã yêu cầu đặt lại mật khẩu của tài khoản GFCE Hub { $email }. Để chọn mật khẩu mới, hãy mở liên kết này trong vòng một giờ:

    { $link }

    Liên kết chỉ dùng được một lần. Khi dùng, mọi phiên đăng nhập của tài khoản sẽ được đăng xuất.

    Nếu bạn không yêu cầu việc này, hãy bỏ qua thư: mật khẩu của bạn vẫn giữ nguyên.

    GFCE Hub
account-administration-heading = Quản trị
audit-title = Nhật ký kiểm toán
audit-lead = Mọi lần đăng nhập, thay đổi tài khoản, quyết định và lần đọc hộp thư đi, mới nhất trước. Mục nhật ký chỉ được thêm vào, không bao giờ bị sửa.
audit-action = Hành động
audit-user = Người dùng
audit-from = Từ ngày
audit-until = Đến ngày
audit-date-hint = Một ngày viết theo dạng YYYY-MM-DD (giờ UTC).
audit-at = Thời điểm (UTC)
audit-subject = Đối tượng
audit-detail = Chi tiết
audit-anonymous = (chưa đăng nhập)
error-unticked = phải được đánh dấu: gia nhập GFCE nghĩa là tán thành văn kiện này.
page-already-decided-title = Đơn này đã được quyết định
page-already-decided-body = Đơn đã được chấp thuận hoặc từ chối, có thể do người khác vừa thực hiện, nên không có gì thay đổi. Hãy mở lại đơn để xem quyết định.
problem-already-decided = Đã được quyết định
problem-already-decided-detail = Đơn không còn chờ quyết định; không có gì thay đổi.
members-apply-link = Tổ chức của bạn muốn tham gia? Hãy nộp đơn trở thành thành viên hoặc đối tác.
home-apply-link = Nộp đơn để tổ chức của bạn gia nhập GFCE
apply-title = Nộp đơn gia nhập GFCE
apply-lead = Các quốc gia, tổ chức liên chính phủ, tổ chức quốc tế và doanh nghiệp gia nhập với tư cách thành viên; các tổ chức phi chính phủ, giới học thuật, xã hội dân sự và cộng đồng kỹ thuật với tư cách đối tác. Ban thư ký GFCE xem xét mọi đơn và trả lời qua thư điện tử.
apply-organisation-heading = Tổ chức của bạn
apply-choose = Chọn…
apply-name-hint = Ghi tên bằng tiếng Anh, tiếng Việt, hoặc cả hai.
apply-country-hint = Quốc gia nộp đơn cho biết đó là quốc gia nào; tổ chức có thể ghi quốc gia nơi đặt trụ sở.
apply-motivation-hint = Vì sao tổ chức của bạn muốn tham gia và sẽ đóng góp gì? Tối đa 4.000 ký tự.
apply-contact-heading = Người liên hệ
apply-endorsement-heading = Tán thành các văn kiện thành lập
apply-endorsement-lead = Thành viên và đối tác tán thành các văn kiện đã thành lập GFCE và định hướng công việc của diễn đàn. Một quan chức cấp cao của tổ chức bạn tán thành các văn kiện này thay mặt tổ chức.
apply-submit = Gửi đơn
apply-done-title = Đơn của bạn đã được gửi
apply-done-body = Xin cảm ơn. Chúng tôi đã gửi thư xác nhận đến địa chỉ thư điện tử của người liên hệ; ban thư ký GFCE sẽ trả lời tại đó khi đã quyết định.
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
applications-title = Đơn gia nhập
applications-empty = Không có đơn nào ở trạng thái này.
application-state = Trạng thái
application-state-submitted = Đã nộp
application-state-approved = Đã chấp thuận
application-state-rejected = Đã từ chối
application-actor = Thành viên hoặc đối tác
application-endorsement = Các văn kiện thành lập
application-endorsed-by = Cả ba được tán thành bởi { $name }, { $title }
application-submitted-at = Ngày nộp
application-history = Lịch sử
application-by-applicant = người nộp đơn
application-decide = Quyết định
application-approve-lead = Chấp thuận sẽ thêm tổ chức vào danh bạ thành viên, gia nhập từ hôm nay, và đặt người liên hệ làm đại diện của tổ chức.
application-approve = Chấp thuận
application-reason-hint = Lý do này được gửi cho người nộp đơn.
application-reject = Từ chối
mail-application-received-subject = Đơn gia nhập GFCE của bạn
mail-application-received-body =
    Xin chào,

    Cảm ơn bạn đã gửi đơn để tổ chức của bạn gia nhập Diễn đàn Toàn cầu về Chuyên môn An ninh mạng (GFCE). Ban thư ký GFCE sẽ xem xét và viết thư cho bạn tại địa chỉ này khi đã quyết định.

    Nếu bạn không gửi đơn này, xin hãy báo cho ban thư ký GFCE.

    GFCE Hub
mail-application-approved-subject = Chào mừng đến với GFCE
mail-application-approved-body =
    Xin chào,

    Ban thư ký GFCE đã chấp thuận đơn của { $organisation }: tổ chức nay có tên trong danh sách thành viên và đối tác của GFCE, và địa chỉ này là đại diện của tổ chức trên GFCE Hub.

    Bạn có thể đăng nhập tại đây:

    { $link }

    GFCE Hub
mail-application-account-subject = Chọn mật khẩu cho tài khoản GFCE Hub của bạn
mail-application-account-body =
    Xin chào,

    Tài khoản GFCE Hub { $email } nay là đại diện của { $organisation }. Để chọn mật khẩu, hãy mở liên kết này trong vòng bảy ngày:

    { $link }

    Trước khi đó, không thể đăng nhập vào tài khoản: liên kết chứng minh hộp thư này là của bạn. Liên kết chỉ dùng được một lần; nếu đã hết hạn, hãy yêu cầu liên kết mới bằng mục "Quên mật khẩu?" tại trang đăng nhập.

    GFCE Hub
mail-application-rejected-subject = Đơn gia nhập GFCE của bạn
mail-application-rejected-body =
    Xin chào,

    Ban thư ký GFCE đã xem xét đơn của { $organisation } và không thể chấp thuận, vì lý do sau:

    { $reason }

    Bạn có thể viết thư cho ban thư ký nếu có câu hỏi, hoặc nộp đơn lại sau.

    GFCE Hub

## Curation
revision-state-draft = Bản nháp
revision-state-submitted = Đang chờ duyệt
revision-state-returned = Được trả lại để sửa
revision-state-published = Đã công bố
revision-state-replaced = Đã được thay bằng phiên bản sau
revision-state-discarded = Đã hủy
revision-state-withdrawn = Đã rút khỏi công bố
contributions-title = Đóng góp của bạn
contributions-lead = Các dự án bạn hoặc đồng nghiệp đang soạn, đang chờ duyệt hoặc đã công bố. Không có gì ở đây được công khai cho đến khi người biên tập công bố.
curation-title = Hàng chờ duyệt
curation-lead = Các phiên bản được gửi duyệt, phiên bản chờ lâu nhất ở đầu. Hãy công bố những gì đã sẵn sàng, hoặc trả lại kèm nhận xét cần sửa gì.
revisions-empty = Chưa có gì ở đây.
revisions-count = { $count } phiên bản
project-new-title = Gửi một dự án mới
record-edit-title = Sửa “{ $title }”
record-history-title = Các phiên bản của “{ $title }”
record-history-lead = Mọi phiên bản của bản ghi này, mới nhất ở đầu. Chỉ phiên bản đã công bố là công khai.
project-form-lead = Mô tả dự án bằng tiếng Anh, tiếng Việt hoặc cả hai. Lưu bản nháp để hoàn thiện sau, hoặc gửi duyệt: người biên tập xem xét trước khi công bố.
project-form-published-lead = Thay đổi của bạn trở thành một phiên bản mới. Dự án đã công bố vẫn giữ nguyên và mọi người vẫn xem được, cho đến khi người biên tập công bố phiên bản mới.
project-form-languages-hint = Hãy nhập tên ít nhất bằng một ngôn ngữ; ngôn ngữ kia sẽ dùng tên này thay thế.
project-form-slug-hint = Địa chỉ của dự án, ví dụ cert-training-2027: chữ thường không dấu, chữ số và dấu gạch nối. Để trống để tạo từ tên dự án.
project-form-markdown-hint = Phần mô tả có thể dùng Markdown (tiêu đề, danh sách, liên kết, nhấn mạnh). HTML được hiển thị như văn bản, và chỉ giữ liên kết web và thư điện tử.
project-form-countries-hint = Các quốc gia được hưởng lợi. Giữ Ctrl (hoặc ⌘) để chọn nhiều nước.
project-form-tags-hint = Từ khóa tự do, cách nhau bằng dấu phẩy.
project-form-budget-hint = Chữ số, có thể có dấu chấm thập phân, không dùng dấu phân cách hàng nghìn: 250000 hoặc 1500.50.
project-form-submit = Lưu và gửi duyệt
project-form-save = Lưu bản nháp
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
revision-kind = Loại
revision-number = Phiên bản
revision-owner = Gửi thay mặt
revision-author = Người soạn
revision-public-link = Xem phiên bản đã công bố
revision-record-history = Mọi phiên bản
revision-returned-heading = Người biên tập đã trả lại
revision-changes = Những thay đổi của phiên bản này
revision-no-changes = Phiên bản này không thay đổi gì so với phiên bản đã công bố.
revision-field = Trường
revision-before = Đã công bố
revision-after = Phiên bản này
revision-your-steps = Bạn có thể làm gì
revision-edit = Sửa
revision-submit = Gửi duyệt
revision-discard = Hủy bỏ
revision-review = Duyệt
revision-publish-lead = Công bố làm cho phiên bản này trở thành bản công khai: trên các trang, API, tìm kiếm, nguồn tin và dữ liệu xuất.
revision-publish = Công bố
revision-comment-hint = Hãy nói tác giả cần sửa gì trước khi có thể công bố.
revision-return = Trả lại để sửa
revision-history = Lịch sử
revision-history-started = Bắt đầu ở trạng thái { $to }
revision-history-change = { $from } → { $to }
record-edit-link = Sửa
record-history-link = Các phiên bản
record-withdraw = Rút khỏi công bố
error-slug-taken = đã được một bản ghi khác sử dụng; hãy chọn địa chỉ khác.
error-syntax = không đúng dạng trường này nhận: { $detail }
problem-body = Nội dung yêu cầu
problem-invalid-field = Trường không hợp lệ
problem-invalid-field-detail = { $field } { $reason }
problem-sign-in = Cần đăng nhập
problem-sign-in-detail = Thao tác này cần một tài khoản đã đăng nhập.
problem-wrong-state = Hiện không thể thực hiện
problem-wrong-state-detail = Phiên bản đang ở trạng thái { $state }, nên bước này không áp dụng; không có gì thay đổi.
problem-in-progress = Đang có một phiên bản đang soạn
problem-in-progress-detail = Bản ghi đã có một phiên bản đang trên đường duyệt ({ $revision }); hãy sửa phiên bản đó.
page-sign-in-title = Vui lòng đăng nhập
page-sign-in-body = Trang này cần một tài khoản đã đăng nhập.
page-wrong-state-title = Hiện không thể thực hiện
page-wrong-state-body = Phiên bản đang ở trạng thái { $state }, có thể vừa thay đổi, nên không có gì thay đổi. Hãy mở lại để xem tình trạng hiện tại.
page-in-progress-title = Đang có một phiên bản đang soạn
page-in-progress-body = Bản ghi này đã có một phiên bản đang trên đường duyệt. Hãy mở mục đóng góp của bạn để tiếp tục.
account-nav-label = Tài khoản của bạn
signed-in-as = Đã đăng nhập: { $email }
audit-changes = { $count } trường thay đổi
audit-before = Trước
audit-after = Sau
tool-new-title = Gửi một công cụ mới
publication-new-title = Gửi một ấn phẩm mới
resource-form-lead = Mô tả bằng tiếng Anh, tiếng Việt hoặc cả hai. Lưu bản nháp để hoàn thiện sau, hoặc gửi duyệt: người biên tập xem xét trước khi công bố.
resource-form-languages-hint = Các ngôn ngữ có sẵn, dạng mã ISO 639-1 cách nhau bằng dấu phẩy: en, vi, fr.
param-published_on = Ngày xuất bản
param-url = Địa chỉ web
param-languages = Ngôn ngữ
problem-token-required = Cần mã truy cập API
problem-token-required-detail = Yêu cầu này cần một mã truy cập API cá nhân, gửi dưới dạng “Authorization: Bearer gfce_…”.
problem-invalid-token = Mã truy cập API không hợp lệ
problem-invalid-token-detail = Tiêu đề Authorization không phải “Bearer” kèm một mã của trang này, hoặc mã không tồn tại, đã bị thu hồi hay đã hết hạn, hoặc tài khoản của mã đã bị khóa.
problem-insufficient-scope = Mã truy cập thiếu quyền
problem-insufficient-scope-detail = Mã không có quyền “{ $scope }” mà yêu cầu này cần; hãy tạo một mã có quyền đó.
page-token-refused-title = Cần mã truy cập API
page-token-refused-body = Địa chỉ này chỉ trả lời các yêu cầu mang mã truy cập API cá nhân hợp lệ, với đúng quyền.
account-tokens-lead = Các chương trình dùng API JSON thay mặt bạn sẽ xác thực bằng mã truy cập API cá nhân.
account-tokens-link = Quản lý mã truy cập API
tokens-title = Mã truy cập API
tokens-lead = Mã truy cập API cá nhân cho phép một chương trình dùng API JSON với quyền của tài khoản bạn: gửi mã trong tiêu đề “Authorization: Bearer …”. Hãy giữ mã như mật khẩu; thu hồi mã bạn không còn dùng hoặc có thể đã bị lộ. Đổi mật khẩu không làm các mã hết hiệu lực.
tokens-list-heading = Các mã của bạn
tokens-empty = Bạn chưa có mã truy cập API nào.
tokens-name = Tên mã
tokens-name-hint = Mã dùng để làm gì, để sau này bạn phân biệt được. Tối đa 100 ký tự.
tokens-scope = Quyền
tokens-scope-read = Đọc
tokens-scope-write = Đọc và ghi
tokens-expires = Hết hạn
tokens-expires-days = Sau { $days } ngày
tokens-expires-never = Không bao giờ (đến khi bị thu hồi)
tokens-created = Ngày tạo
tokens-last-used = Lần dùng gần nhất
tokens-state = Trạng thái
tokens-actions = Thao tác
tokens-state-active = Còn hiệu lực
tokens-state-expired = Đã hết hạn
tokens-state-revoked = Đã thu hồi
tokens-never-used = Chưa dùng
tokens-no-expiry = Không hết hạn
tokens-revoke = Thu hồi
tokens-create-heading = Tạo mã mới
tokens-create-submit = Tạo mã
tokens-created-heading = Mã mới “{ $name }” của bạn
tokens-created-warning = Hãy sao chép mã ngay và cất giữ ở nơi an toàn: mã sẽ không được hiển thị lại. Hệ thống chỉ lưu giá trị băm của mã, nên không ai, kể cả ban thư ký, có thể cho bạn xem lại mã sau này.
tokens-created-usage = Gửi mã kèm mỗi yêu cầu API trong tiêu đề này:
# Xác thực hai bước khi đăng nhập
second-factor-title = Đăng nhập hai bước
second-factor-on-since = Đăng nhập hai bước được bật từ { $date }: sau mật khẩu, khi đăng nhập bạn cần nhập mã từ ứng dụng xác thực.
second-factor-codes-left = Bạn còn { $count } mã khôi phục chưa dùng.
second-factor-off-lead = Khi bật đăng nhập hai bước, chỉ mật khẩu thôi không mở được tài khoản của bạn: bạn còn phải nhập mã sáu chữ số do ứng dụng xác thực trên điện thoại hiển thị (ví dụ FreeOTP, Aegis, Google Authenticator hoặc Microsoft Authenticator). Nhờ vậy, kẻ lấy được mật khẩu cũng không thể đăng nội dung nhân danh GFCE.
second-factor-start = Thiết lập đăng nhập hai bước
second-factor-setup-lead = Đăng nhập hai bước chưa được bật. Hãy thêm tài khoản vào ứng dụng xác thực, rồi nhập mã ứng dụng hiển thị.
second-factor-scan-heading = 1. Thêm tài khoản vào ứng dụng
second-factor-scan-lead = Trong ứng dụng xác thực, chọn thêm tài khoản rồi quét mã QR này.
second-factor-qr-alt = Mã QR chứa khóa tài khoản của bạn dành cho ứng dụng xác thực
second-factor-key-lead = Nếu không quét được, hãy nhập khóa này vào ứng dụng:
second-factor-key-hint = Nếu ứng dụng hỏi, hãy chọn mã theo thời gian: 6 chữ số, cứ 30 giây lại có mã mới (SHA-1).
second-factor-confirm-heading = 2. Nhập mã ứng dụng hiển thị
second-factor-confirm-hint = Sáu chữ số; cứ 30 giây ứng dụng lại hiển thị một mã mới.
second-factor-confirm-submit = Bật đăng nhập hai bước
second-factor-start-over-lead = Đã thêm nhầm trên thiết bị khác, hoặc làm mất khóa? Hãy bắt đầu lại với một khóa mới.
second-factor-start-over = Bắt đầu lại với khóa mới
second-factor-turned-on = Đăng nhập hai bước đã được bật. Các phiên đăng nhập khác đã được đăng xuất.
second-factor-codes-heading = Các mã khôi phục của bạn
second-factor-codes-lead = Nếu mất điện thoại, hãy đăng nhập bằng một trong các mã này thay cho mã của ứng dụng; mỗi mã chỉ dùng được một lần. Hãy in ra hoặc lưu chúng vào trình quản lý mật khẩu ngay bây giờ: các mã chỉ hiển thị duy nhất lần này.
second-factor-codes-done = Tôi đã lưu các mã: quay về tài khoản
second-factor-disable-heading = Tắt đăng nhập hai bước
second-factor-disable-lead = Khi đó tài khoản của bạn chỉ còn được bảo vệ bằng mật khẩu. Để tắt, hãy nhập mật khẩu và một mã.
second-factor-disable-code-hint = Sáu chữ số ứng dụng đang hiển thị, hoặc một trong các mã khôi phục của bạn.
second-factor-disable-submit = Tắt đăng nhập hai bước
second-factor-turned-off = Đăng nhập hai bước đã được tắt. Từ giờ khi đăng nhập chỉ cần mật khẩu.
second-factor-back = Quay về tài khoản của bạn
param-code = Mã từ ứng dụng
param-recovery = Mã khôi phục
error-wrong-code = không đúng hoặc đã được dùng rồi.
error-one-time-code = phải là 6 chữ số do ứng dụng xác thực hiển thị.
error-recovery-code = phải là một trong các mã gồm 10 chữ cái và chữ số mà bạn đã lưu khi thiết lập đăng nhập hai bước.
error-second-factor-code = phải là 6 chữ số do ứng dụng xác thực hiển thị, hoặc một trong các mã khôi phục của bạn.
login-code-title = Nhập mã của bạn
login-code-lead = Mật khẩu đã đúng. Tài khoản này dùng đăng nhập hai bước: hãy mở ứng dụng xác thực và nhập mã hiển thị cho GFCE Hub.
login-code-hint = Sáu chữ số; cứ 30 giây ứng dụng lại hiển thị một mã mới.
login-code-submit = Tiếp tục
login-recovery-heading = Không mở được ứng dụng?
login-recovery-hint = Một trong các mã khôi phục bạn đã lưu khi thiết lập đăng nhập hai bước, ví dụ 7k3m9-q2xvb. Mỗi mã chỉ dùng được một lần.
login-recovery-submit = Đăng nhập bằng mã khôi phục
login-code-restart = Đăng nhập lại từ đầu
account-second-factor-on = Đăng nhập hai bước đang bật.
account-second-factor-off = Đăng nhập hai bước đang tắt: chỉ cần mật khẩu là mở được tài khoản của bạn.
account-second-factor-manage = Quản lý đăng nhập hai bước
account-second-factor-set-up = Thiết lập đăng nhập hai bước
