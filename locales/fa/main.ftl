### Pishkhan — Persian texts (main language).
### Tags allowed: <b> <i> <u> <code> <pre> <a href="">. Values are escaped by the program.

## General

language-name = فارسی
welcome =
    سلام { $name }، به <b>پیشخوان</b> خوش آمدید.
    اینجا می‌توانید از کسب‌وکارهای اینترنتی شکایت کنید، اعتبار پروانه کسب را بررسی کنید و پرونده‌هایتان را پیگیری کنید.
    از دکمه‌های پایین صفحه یکی را انتخاب کنید.
draft-waiting = شکایتی نیمه‌کاره دارید؛ با /complaint می‌توانید آن را از همان مرحله ادامه دهید.
help =
    <b>راهنمای پیشخوان</b>
    /complaint — ثبت شکایت از یک کسب‌وکار اینترنتی
    /mycases — فهرست پرونده‌های من
    /track — پیگیری با کد رهگیری، مثلاً: /track ۱۲۳۴۵-۶۷۸۹۰
    /receipt کد — دریافت دوباره رسید چاپی پرونده
    /licence — استعلام پروانه کسب
    /renewal — یادآوری تمدید پروانه برای دارنده آن
    /withdraw کد — انصراف از شکایت
    /object کد — اعتراض به تصمیم
    /dispute کد — شکایت درباره درخواست تأییدیه فنی
    /mydata — همه اطلاعاتی که از شما داریم
    /forget — پاک کردن اطلاعات شما
    /language — تغییر زبان
    /cancel — انصراف از فرم در هر مرحله
    /help — همین راهنما
cancelled = فرم لغو شد و اطلاعات آن پاک شد. هر وقت خواستید می‌توانید دوباره شروع کنید.
nothing-to-cancel = فرم بازی برای لغو ندارید.
language-choose = زبان را انتخاب کنید:
language-set = از این پس به فارسی با شما صحبت می‌کنیم.
unknown-command = این دستور را نمی‌شناسم. فهرست دستورها را با /help ببینید.
not-understood = منظورتان را متوجه نشدم. لطفاً یکی از گزینه‌های منو را انتخاب کنید یا /help را بفرستید.
form-stale-button = این دکمه دیگر فعال نیست.

## Main menu

menu-complaint = 📝 ثبت شکایت
menu-my-cases = 📂 پرونده‌های من
menu-track = 🔎 پیگیری با کد رهگیری
menu-licence = 🪪 استعلام پروانه کسب
menu-help = ❓ راهنما

## Buttons

button-share-contact = 📱 ارسال شماره همراه من
button-skip = رد شدن از این مرحله
button-no-order = سفارشی در کار نیست
button-done = ✅ تمام شد
button-confirm = ✅ تأیید و ثبت نهایی
button-edit = ✏️ ویرایش
button-cancel = ✖️ انصراف
button-back = ↩️ بازگشت
button-resume = ادامه همان شکایت
button-restart = شروع از ابتدا
button-case-open = 📄 مشاهده پرونده

## Answers of the form, for editing

field-business_name = نام کسب‌وکار
field-website = وب‌سایت یا اپلیکیشن
field-licence = شماره پروانه
field-subject = موضوع
field-description = شرح شکایت
field-order_number = اطلاعات سفارش
field-attachments = پیوست‌ها
field-province = استان
field-order_date = تاریخ سفارش
field-order_amount = مبلغ سفارش
field-contact = شماره همراه

## Complaint subjects (سرفصل شکایات)

subject-guild_law = تخلفات و جرایم فصل هشتم قانون نظام صنفی
subject-online_business = تخلفات ماده ۵ آیین‌نامه اجرایی ماده ۸۷ (کسب‌وکارهای مجازی)
subject-network_marketing = تخلفات ماده ۱۳ آیین‌نامه (بازاریابی شبکه‌ای)
subject-other = سایر موارد
# The same subjects as citizens say them, with everyday examples; the names above are for staff and reports.
subject-guild_law-plain = 🛒 خرید کالا یا خدمت
subject-guild_law-examples = کالا نرسید، گران‌فروشی، کالا با توضیح یا عکسش فرق داشت یا خراب بود، پول را پس نمی‌دهند، فاکتور نمی‌دهند، قیمت روی کالا نیست.
subject-online_business-plain = 🌐 رفتار فروشگاه اینترنتی
subject-online_business-examples = پروانه یا نماد اتحادیه را نشان نمی‌دهد، اطلاعات سایت نادرست است، شرایط فروش و ارسال روشن نیست، کالای مرجوعی را نمی‌پذیرد.
subject-network_marketing-plain = 👥 بازاریابی شبکه‌ای یا هرمی
subject-network_marketing-examples = برای عضویت پول گرفتند، سود فقط با عضوگیری دیگران، طرح‌های هرمی و زنجیره‌ای.
subject-other-plain = 📝 موضوع دیگر
subject-other-examples = هر شکایتی که در این‌ها نمی‌گنجد.

## Case statuses

status-awaiting_review = منتظر بررسی کارشناس
status-in_progress = در دست اقدام
status-referred_commission = ارجاع به کمیسیون شکایت
status-referred_supervision = ارجاع به کمیته نظارت
status-referred_judicial = ارجاع به مراجع قضایی (تعزیرات حکومتی)
status-voided = باطل شده
status-closed = مختومه

## Values

value-not-set = ثبت نشده
value-not-given = ثبت نشده
value-not-yet = هنوز اعلام نشده
value-not-in-letter = در نامه نیامده
value-unknown = نامعلوم
value-unnamed = بی‌نام
value-no-deadline = بدون مهلت
value-no-step = مرحله‌ای در جریان نیست
value-no-website = نشانی ثبت نشده
value-no-phone = شماره همراه ثبت نشده
value-nothing-listed = موردی نیست
value-erased = پاک‌شده به درخواست شاکی
amount-rials = { $amount } ریال
amount-rials-tomans = { $rials } ریال ({ $tomans } تومان)
list-and = { $first } و { $last }
list-comma = { $first }، { $next }
amount-free = رایگان (۰ ریال)
service-complaint = ثبت شکایت از کسب‌وکار مجازی
platform-telegram = تلگرام
platform-bale = بله
platform-none = هنوز در پیشخوان نیست

## Command menu

command-complaint = ثبت شکایت
command-mycases = پرونده‌های من
command-track = پیگیری با کد رهگیری
command-receipt = رسید چاپی پرونده
command-licence = استعلام پروانه کسب
command-language = تغییر زبان
command-cancel = انصراف از فرم
command-help = راهنما
command-renewal = یادآوری تمدید پروانه
command-withdraw = انصراف از شکایت
command-object = اعتراض به تصمیم
command-dispute = شکایت درباره درخواست تأییدیه
command-case = مشاهده پرونده
command-status = تغییر وضعیت پرونده
command-opinion = ثبت نظر کمیسیون
command-agree = ثبت سازش طرفین
command-refer = ثبت شکایت ارجاعی
command-assign = واگذاری پرونده
command-find = جست‌وجوی پرونده
command-cert = درخواست‌های تأییدیه فنی
command-stats = آمار
command-export = خروجی پرونده‌ها
command-sla = مهلت‌های صف
command-holiday = تعطیلی‌های دفتر
command-staff = فهرست کارشناسان
command-ban = مسدود کردن کاربر
command-unban = رفع مسدودی
command-mydata = اطلاعات من
command-forget = پاک کردن اطلاعات من

## Answers that show nothing

input-empty = پیام شما خالی است: نویسه‌های نادیدنی یا قالب‌بندی به‌تنهایی چیزی نمی‌گویند. لطفاً متن را بنویسید.
