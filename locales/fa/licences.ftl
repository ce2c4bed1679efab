### Licences: checking one, importing the registry, renewal reminders (Persian).
### Tags allowed: <b> <i> <u> <code> <pre> <a href="">. Values are escaped by the program.

## Lookup

licence-ask-query =
    شماره پروانه کسب، نشانی وب‌سایت یا نام کسب‌وکار را بنویسید.
    مثلاً: <code>۱۴۰۲۱۲۳۴۵</code> یا <code>example.ir</code> یا «کتاب‌سرای نارون».
licence-ask-inline = فرم شکایت شما باز است و پاسخ‌هایتان محفوظ می‌ماند. برای استعلام در همین حال، دستور را همراه با عبارت جست‌وجو بفرستید؛ مثلاً: <code>/licence example.ir</code>.
licence-query-hint = لطفاً شماره پروانه، نشانی وب‌سایت یا نام کسب‌وکار را به صورت متن بنویسید (دست‌کم دو حرف)؛ مثلاً <code>۱۴۰۲۱۲۳۴۵</code> یا <code>example.ir</code>.
licence-verdict-valid = ✅ این پروانه کسب معتبر است.
licence-warning-expired = ⚠️ <b>هشدار: اعتبار این پروانه به پایان رسیده است.</b> تا تمدید نشود، این کسب‌وکار پروانه معتبر ندارد.
licence-warning-suspended = ⛔️ <b>هشدار: این پروانه تعلیق شده است.</b> در مدت تعلیق، این کسب‌وکار اجازه فعالیت ندارد.
licence-warning-revoked = ⛔️ <b>هشدار: این پروانه ابطال شده است.</b> این کسب‌وکار پروانه معتبر ندارد.
licence-warning-renewal = ⏳ <b>توجه: این پروانه در حال تمدید است.</b> پیش از خرید، از پایان تمدید آن مطمئن شوید.
licence-details =
    { $verdict }
    <b>پروانه کسب شماره</b> { $number }
    <b>وضعیت:</b> { $status }
    <b>نام کسب‌وکار:</b> { $business_name }
    <b>دارنده:</b> { $holder_name } ({ $holder_type })
    <b>وب‌سایت و اپلیکیشن:</b> { $sites }
    <b>رسته:</b> { $category } (کد آیسیک { $isic })
    <b>استان:</b> { $province }
    <b>تاریخ صدور:</b> { $issued_on }
    <b>تاریخ انقضا:</b> { $expires_on }
licence-status-valid = معتبر
licence-status-expired = منقضی شده
licence-status-suspended = تعلیق شده
licence-status-revoked = ابطال شده
licence-status-renewal = در حال تمدید
licence-mark-valid = ✅
licence-mark-expired = ⚠️
licence-mark-suspended = ⛔️
licence-mark-revoked = ⛔️
licence-mark-renewal = ⏳
licence-holder-natural = شخص حقیقی
licence-holder-legal = شخص حقوقی
licence-site-app = اپلیکیشن { $id }
licence-site-instagram = اینستاگرام @{ $handle }
licence-site-telegram = تلگرام @{ $handle }
licence-site-bale = بله @{ $handle }
licence-choice = { $mark } { $business } — { $number }
licence-many = { $n } پروانه پیدا شد. برای دیدن جزئیات، یکی را انتخاب کنید:
licence-many-more = نتایج بیشتری هم هست؛ برای محدود کردن، نام کامل‌تر یا نشانی وب‌سایت را بنویسید.
licence-not-found-number = ❌ پروانه‌ای با شماره { $term } در سامانه ثبت نشده است. اگر کسب‌وکاری این شماره را به عنوان پروانه خود نشان داده، می‌توانید از آن شکایت کنید.
licence-not-found-domain = ❌ برای { $term } پروانه کسبی ثبت نشده است. کسب‌وکار اینترنتی بدون پروانه معتبر مجاز به فعالیت نیست؛ می‌توانید از آن شکایت کنید.
licence-not-found-name = ❌ کسب‌وکاری با نام «{ $term }» در فهرست پروانه‌ها پیدا نشد. املای دیگر یا نشانی وب‌سایت آن را هم امتحان کنید؛ اگر پروانه ندارد، می‌توانید از آن شکایت کنید.
licence-button-complain = 📝 ثبت شکایت از این کسب‌وکار

## Import of the registry (admins)

licence-import-too-large = حجم این فایل بیش از { $max } مگابایت است و ربات نمی‌تواند آن را دریافت کند. لطفاً فایل را به چند بخش تقسیم کنید و جداگانه بفرستید.
licence-import-started = 📥 فایل دریافت شد؛ درون‌ریزی پروانه‌ها آغاز می‌شود…
licence-import-download-failed = دریافت فایل ممکن نشد. لطفاً چند دقیقه بعد دوباره بفرستید.
licence-import-progress =
    ⏳ درون‌ریزی پروانه‌ها…
    { $bar } { $percent }٪
    { $done } از { $total } ردیف
licence-import-failed = ❌ <b>فایل درون‌ریزی نشد و چیزی ثبت نشد.</b> { $reason }
licence-import-report =
    ✅ <b>درون‌ریزی پروانه‌ها پایان یافت.</b>
    ردیف‌های خوانده‌شده: { $read }
    پروانه‌های تازه: { $inserted }
    پروانه‌های به‌روزشده: { $updated }
    ردیف‌های ردشده: { $rejected }
licence-import-rejections-title = <b>ردیف‌های ردشده:</b>
licence-import-rejection-line = • ردیف { $row }، ستون «{ $column }»: { $reason }
licence-import-rejection-row-line = • ردیف { $row }: { $reason }
licence-import-more-rejections = … و { $n } ردیف ردشده دیگر.
licence-import-rejections-file = فهرست ردیف‌های ردشده ({ $n } ردیف) با دلیل هر کدام
licence-import-csv-row = ردیف
licence-import-csv-column = ستون
licence-import-csv-reason = دلیل

licence-import-empty-file = فایل خالی است: سطر اول باید عنوان ستون‌ها باشد و پس از آن هر سطر یک پروانه.
licence-import-unreadable = فایل خوانده نشد: CSV یا XLSX سالمی نیست.
licence-import-unsupported-format = قالب قدیمی اکسل (xls) پشتیبانی نمی‌شود؛ فایل را با قالب XLSX یا CSV ذخیره کنید.
licence-import-missing-columns =
    { $count ->
        [one] این ستون لازم در سطر عنوان پیدا نشد
       *[other] این ستون‌های لازم در سطر عنوان پیدا نشدند
    }: { $columns }
licence-import-duplicate-column = ستون «{ $column }» دو بار آمده است.
licence-import-missing-value = مقدار این ستون خالی است.
licence-import-too-long = این مقدار بیش از { $max } نویسه است.
licence-import-bad-number = شماره پروانه «{ $value }» معتبر نیست؛ فقط رقم و حرف، با / یا - در میان.
licence-import-bad-holder-type = نوع شخص «{ $value }» شناخته نشد؛ «حقیقی» یا «حقوقی» بنویسید.
licence-import-bad-phone = شماره تلفن «{ $value }» معتبر نیست؛ شماره همراه بنویسید، مانند ۰۹۱۲۳۴۵۶۷۸۹.
licence-import-bad-website = «{ $value }» نشانی وب‌سایت یا اپلیکیشن معتبری نیست.
licence-import-bad-isic = کد آیسیک «{ $value }» باید شش رقم باشد.
licence-import-bad-province = استان «{ $value }» شناخته نشد.
licence-import-bad-date = تاریخ «{ $value }» خوانده نشد؛ شمسی (۱۴۰۲/۰۵/۱۷) یا میلادی (۲۰۲۳-۰۸-۰۸) بنویسید.
licence-import-issued-in-future = تاریخ صدور «{ $value }» در آینده است.
licence-import-expires-before-issue = تاریخ انقضای «{ $value }» پیش از تاریخ صدور است.
licence-import-bad-status = وضعیت «{ $value }» شناخته نشد؛ یکی از این‌ها را بنویسید: معتبر، منقضی، تعلیق، ابطال، در حال تمدید.
licence-import-duplicate-number = شماره پروانه { $number } دوباره در ردیف { $later_row } آمده است؛ ردیف بعدی ثبت شد.

## Renewal reminders

licence-renewal-need-phone = برای یادآوری تمدید، شماره همراه شما باید همان شماره دارنده پروانه باشد. لطفاً با دکمه زیر شماره خود را بفرستید تا پروانه‌های به نام آن را ببینید و برای هر کدام یادآوری تمدید را روشن کنید. برای انصراف: /cancel
licence-renewal-finish-form = برای فعال کردن یادآوری تمدید، ابتدا فرم باز خود را تمام کنید یا با /cancel از آن انصراف دهید.
licence-renewal-none = پروانه‌ای با شماره همراه { $phone } به نام دارنده ثبت نشده است. اگر این شماره در پروانه شما به‌روز نیست، با اتحادیه تماس بگیرید. برای بررسی اعتبار هر پروانه‌ای: /licence
licence-renewal-list =
    🪪 <b>پروانه‌های کسب به نام شماره همراه شما</b>
    { $lines }
    یادآوری تمدید ۳۰، ۷ و ۱ روز پیش از پایان اعتبار فرستاده می‌شود. برای هر پروانه دکمه‌اش را بزنید، یا همه را با هم. هر وقت خواستید، با /renewal همین فهرست را می‌بینید؛ برای خاموش کردن همه: /renewal off
licence-renewal-list-none =
    🪪 <b>پروانه‌های کسب به نام شماره همراه شما</b>
    { $lines }
    هیچ‌کدام از این پروانه‌ها معتبر نیست، پس یادآوری تمدیدی ندارد. برای تمدید یا رفع تعلیق، با اتحادیه تماس بگیرید.
licence-renewal-line =
    • { $business } (شماره { $number })، اعتبار تا { $expires }، { $when ->
        [past] منقضی شده
        [today] امروز منقضی می‌شود
        [tomorrow] فردا منقضی می‌شود
       *[days] { $n } روز مانده
    } — { $state }
licence-renewal-state-on = 🔔 یادآوری روشن
licence-renewal-state-off = 🔕 یادآوری خاموش
licence-renewal-state-none = بدون یادآوری ({ $status })
licence-renewal-button-on = 🔔 یادآوری برای { $business } ({ $number })
licence-renewal-button-off = 🔕 خاموش کردن یادآوری { $business } ({ $number })
licence-renewal-button-all-on = 🔔 یادآوری برای همه
licence-renewal-button-all-off = 🔕 خاموش کردن همه
licence-renewal-button-none = نه، یادآوری نمی‌خواهم
licence-renewal-followed = 🔔 یادآوری تمدید «{ $business }» روشن شد.
licence-renewal-unfollowed = 🔕 یادآوری تمدید «{ $business }» خاموش شد.
licence-renewal-all-followed = 🔔 یادآوری تمدید همه پروانه‌ها روشن شد.
licence-renewal-all-unfollowed = 🔕 یادآوری تمدید همه پروانه‌ها خاموش شد.
licence-renewal-declined = باشد؛ یادآوری‌ای روشن نشد. هر وقت خواستید، /renewal را بفرستید.
licence-renewal-off = 🔕 یادآوری تمدید { $n } پروانه لغو شد.
licence-renewal-off-none = یادآوری تمدیدی برای شما فعال نبود.
licence-renewal-reminder =
    ⏰ <b>یادآوری تمدید پروانه کسب</b>
    اعتبار پروانه شماره { $number } «{ $business }» { $days ->
        [0] امروز
        [1] فردا
       *[other] { $n } روز دیگر
    } ({ $expires }) به پایان می‌رسد. برای اینکه فعالیت کسب‌وکارتان متوقف نشود، درخواست تمدید را به موقع به اتحادیه بدهید.
    برای تغییر یادآوری‌ها: /renewal

## Command line

licence-cli-file-missing = فایل پیدا نشد: { $path }
licence-cli-no-database = پایگاه داده آماده نیست؛ ابتدا python -m bot migrate را اجرا کنید.
licence-cli-demo-refused = در پایگاه داده از پیش { $n } پروانه هست. داده نمونه فقط در پایگاه خالی ساخته می‌شود؛ چیزی نوشته نشد.
licence-cli-demo-made = داده نمونه ساخته شد: { $licences } پروانه در { $categories } رسته و { $provinces } استان، و { $requests } درخواست تأییدیه فنی نرم‌افزار.
licence-cli-demo-try =
    این‌ها را در ربات امتحان کنید:
    • با شماره پروانه: /licence { $number }
    • با نشانی وب‌سایت: /licence { $domain }
    • با نام (با حروف عربی): /licence { $name }
    • چند نتیجه برای انتخاب: /licence { $several }
    • پروانه منقضی: /licence { $expired }
    • پروانه تعلیق‌شده: /licence { $suspended }
    • بدون پروانه، و ثبت شکایت: /licence { $unlicensed }
    پیگیری درخواست‌های تأییدیه: { $codes }
