## The complaint form

complaint-intro = ثبت شکایت را شروع می‌کنیم. در هر مرحله می‌توانید با /cancel انصراف دهید؛ پاسخ‌هایتان تا ثبت نهایی نگه داشته می‌شود.
draft-resume-or-restart = یک شکایت نیمه‌کاره دارید. ادامه می‌دهید یا از ابتدا شروع می‌کنید؟
form-step = <b>مرحله { $n } از { $total }</b>
form-step-edit = <b>ویرایش پاسخ</b>
form-step-name = «{ $step }»
form-path-fewer = { $steps } لازم نیست؛ فرم شما اکنون { $total } مرحله دارد.
form-path-more = { $steps } هم لازم شد؛ فرم شما اکنون { $total } مرحله دارد.
form-path-fewer-edit = با این پاسخ، { $steps } لازم نیست.
form-path-more-edit = با این پاسخ، { $steps } هم پرسیده می‌شود.
form-prefilled =
    این پاسخ‌ها از پیش معلوم است و دوباره پرسیده نمی‌شود:
    { $lines }
    اگر چیزی درست نیست، در خلاصه پایان فرم «ویرایش» را بزنید.
form-prefilled-line = • { $field }: { $value }
form-registry-found = ℹ️ این کسب‌وکار در فهرست پروانه‌های اتحادیه هست: «{ $business }»، شماره پروانه { $number }، استان { $province }.
form-amount-taken = ✔️ مبلغ: { $amount }
form-amount-assumed = ✔️ مبلغ: { $amount }؛ واحد ننوشته بودید و تومان حساب شد. اگر ریال بوده، در خلاصه پایان فرم «ویرایش» را بزنید.
form-date-taken = ✔️ تاریخ سفارش: { $day }
ask-business-name = { $step }
    نام کسب‌وکاری که از آن شکایت دارید را بنویسید.
ask-website = { $step }
    نشانی وب‌سایت یا اپلیکیشن آن را بفرستید؛ مثلاً <code>example.ir</code> یا <code>https://www.example.ir</code> یا نام صفحه مانند <code>@shop</code>.
ask-licence = { $step }
    اگر شماره پروانه کسب آن را می‌دانید بنویسید؛ وگرنه «رد شدن» را بزنید.
ask-province = { $step }
    این کسب‌وکار در کدام استان است؟ استان را انتخاب کنید یا نامش را بنویسید؛ اگر نمی‌دانید «رد شدن از این مرحله» را بزنید.
ask-subject =
    { $step }
    موضوع شکایت شما به کدام نزدیک‌تر است؟

    { $choices }

    اگر مطمئن نیستید، نزدیک‌ترین را انتخاب کنید؛ کارشناس موضوع را بررسی می‌کند.
subject-choice = • <b>{ $label }</b>: { $examples }
ask-description = { $step }
    شرح شکایت را بنویسید: چه اتفاقی افتاد و چه درخواستی دارید (حداکثر { $max } نویسه).
ask-order-number = { $step }
    اگر سفارشی ثبت کرده‌اید، شماره سفارش را بنویسید.
ask-order-date = { $step }
    تاریخ سفارش را بنویسید؛ مثلاً «۱۴۰۵/۸/۲۵»، «۲۵ آبان ۱۴۰۵»، «۲۵ آبان»، «دیروز» یا «۳ روز پیش».
ask-order-amount = { $step }
    مبلغ پرداختی را بنویسید؛ مثلاً «۳ میلیون تومان»، «۲٫۵ میلیون تومان» یا «۲٬۵۰۰٬۰۰۰ ریال». اگر واحد را ننویسید، تومان حساب می‌شود.
ask-attachments = { $step }
    اگر تصویر، رسید یا فایلی دارید بفرستید (حداکثر { $max } فایل). در پایان «تمام شد» را بزنید.
ask-contact = { $step }
    برای پیگیری شکایت، شماره همراه خودتان را با دکمه «ارسال شماره همراه من» بفرستید.
complaint-summary =
    <b>خلاصه شکایت شما</b>
    { $details }

    اگر درست است «تأیید و ثبت نهایی» را بزنید.
complaint-details =
    <b>کسب‌وکار:</b> { $business }
    <b>وب‌سایت یا اپلیکیشن:</b> { $website }
    <b>شماره پروانه:</b> { $licence }
    <b>استان:</b> { $province }
    <b>موضوع:</b> { $subject }
    <b>شرح:</b> { $description }
    <b>شماره سفارش:</b> { $order_number }
    <b>تاریخ سفارش:</b> { $order_date }
    <b>مبلغ:</b> { $order_amount }
    <b>پیوست‌ها:</b> { $attachments }
edit-choose = کدام بخش را ویرایش می‌کنید؟
complaint-filed =
    ✅ شکایت شما ثبت شد.
    کد رهگیری: <code>{ $code }</code>
    رسید ثبت هم‌اکنون برایتان فرستاده می‌شود.

## Validation of answers

form-business-name-too-short = نام کسب‌وکار کوتاه است؛ دست‌کم { $min } نویسه بنویسید.
form-business-name-too-long = نام کسب‌وکار بلند است ({ $length } نویسه)؛ حداکثر { $max } نویسه بنویسید.
form-website-invalid = این نشانی معتبر نیست. نشانی را مانند <code>example.ir</code> یا <code>https://example.ir</code> یا نام صفحه را مانند <code>@shop</code> بفرستید.
form-licence-invalid = شماره پروانه باید فقط رقم و حرف (و در صورت نیاز / یا -) باشد؛ مثلاً ۱۴۰۰۱۲۳۴۵. اگر آن را نمی‌دانید «رد شدن» را بزنید.
form-description-too-short = شرح شکایت کوتاه است؛ دست‌کم { $min } نویسه بنویسید تا کارشناس بتواند بررسی کند.
form-description-too-long = شرح شکایت { $length } نویسه است و حداکثر { $max } نویسه پذیرفته می‌شود. لطفاً خلاصه‌تر بنویسید؛ جزئیات بیشتر را می‌توانید به صورت فایل پیوست کنید.
form-order-number-too-short = شماره سفارش را بنویسید یا «سفارشی در کار نیست» را بزنید.
form-order-number-too-long = شماره سفارش بلند است ({ $length } نویسه)؛ حداکثر { $max } نویسه.
form-order-date-invalid = این تاریخ را نتوانستم بخوانم. لطفاً مثلاً این‌طور بنویسید: «۱۴۰۵/۸/۲۵»، «۲۵ آبان ۱۴۰۵»، «۲۵ آبان»، «دیروز» یا «۳ روز پیش».
form-order-date-no-such-day = چنین روزی در تقویم نیست؛ مثلاً مهر ۳۰ روز دارد و اسفند در سال غیرکبیسه ۲۹ روز. لطفاً تاریخ را دوباره بررسی کنید.
form-order-date-future = تاریخ سفارش نمی‌تواند در آینده باشد؛ امروز { $today } است. اگر منظورتان سال پیش است، لطفاً سال را هم بنویسید.
form-order-amount-invalid = این مبلغ را نتوانستم بخوانم. لطفاً مثلاً این‌طور بنویسید: «۳ میلیون تومان»، «۲٫۵ میلیون تومان»، «۳ میلیون و ۵۰۰ هزار تومان» یا «۲٬۵۰۰٬۰۰۰ ریال».
form-order-amount-not-positive = لطفاً مبلغی بیشتر از صفر بنویسید؛ اگر پولی نپرداخته‌اید، «رد شدن از این مرحله» را بزنید.
form-order-amount-too-large = این مبلغ بیش از اندازه بزرگ است؛ لطفاً رقم‌ها را دوباره بررسی کنید.
form-order-amount-two-units = در این مبلغ هم ریال آمده و هم تومان؛ لطفاً فقط یکی را بنویسید.
form-order-amount-fraction = مبلغ باید دست‌کم یک ریال و بدون کسر ریال باشد؛ لطفاً دوباره بنویسید.
form-province-choose = این نام را در فهرست استان‌ها پیدا نکردم. لطفاً استان را با دکمه‌ها انتخاب کنید یا نامش را کامل بنویسید؛ اگر نمی‌دانید «رد شدن از این مرحله» را بزنید.
form-text-expected = در این مرحله لطفاً پاسخ را به صورت متن بنویسید.
form-choose-button = لطفاً یکی از دکمه‌ها را انتخاب کنید.

## Attachments

attachment-received = فایل { $count } از { $max } دریافت شد. فایل دیگری بفرستید یا «تمام شد» را بزنید.
attachment-limit = حداکثر { $max } فایل پذیرفته می‌شود.
attachment-limit-reached = { $max } فایل دریافت شد که حداکثر مجاز است.
attachment-duplicate = این فایل را قبلاً فرستاده‌اید.
attachment-too-large = حجم این فایل بیش از ۲۰ مگابایت است؛ لطفاً فایل کوچک‌تری بفرستید.
attachment-expected = در این مرحله فقط عکس یا فایل پذیرفته می‌شود. اگر فایلی ندارید «تمام شد» را بزنید.

## Contact

contact-not-own = این شماره متعلق به حساب شما نیست. لطفاً فقط با دکمه «ارسال شماره همراه من» شماره خودتان را بفرستید.
contact-invalid = این شماره قابل استفاده نیست. لطفاً دوباره با دکمه بفرستید.
contact-verified = ✅ شماره همراه شما تأیید شد.
contact-verified-in-form = ✅ شماره همراه شما تأیید شد و دیگر آن را نمی‌پرسیم.
contact-verified-enables =
    ✅ <b>شماره همراه شما تأیید شد.</b> با این شماره:
    { $lines }
contact-enables-complaints = • شکایت‌هایتان در تلگرام و بله یک‌جا در /mycases دیده می‌شود و فرم شکایت دیگر شماره نمی‌پرسد.
contact-enables-requests = • { $n } درخواست تأییدیه فنی نرم‌افزار به این شماره ثبت است و خبرهای آن همین‌جا به شما می‌رسد؛ فهرستش در /mycases است.
contact-enables-licences = • { $n } پروانه کسب به نام این شماره است؛ برای یادآوری تمدید: /renewal
contact-use-button = برای تأیید شماره، لطفاً دکمه «ارسال شماره همراه من» را بزنید؛ شماره تایپ‌شده پذیرفته نمی‌شود.

## Receipt (DOMAIN.md §4)

receipt =
    🧾 <b>رسید الکترونیکی</b>
    <b>خدمت:</b> { $service }
    <b>گیرنده خدمت:</b> { $name }
    <b>کد رهگیری:</b> <code>{ $code }</code>
    <b>تاریخ و ساعت:</b> { $when }
    <b>مبلغ دریافتی:</b> { $amount }
    <b>وضعیت:</b> { $status }
    —
    <b>ارائه‌دهنده:</b> { $desk }
    <b>شماره پروانه:</b> { $desk_licence }
    <b>متصدی:</b> { $operator }
    <b>نشانی:</b> { $address }
    این رسید را برای پیگیری نگه دارید: /track { $code }
receipt-pdf-caption = 🖨 نسخه چاپی رسید پرونده <code>{ $code }</code>، برای چاپ یا نگه‌داری.
receipt-pdf-title = رسید خدمت
receipt-pdf-desk = مشخصات دفتر ارائه‌دهنده خدمت
receipt-pdf-verify-title = راستی‌آزمایی رسید
receipt-pdf-verify = برای اطمینان از درستی این رسید، کد رهگیری آن را با دستور زیر به بات پیشخوان بفرستید یا پیوند زیر را باز کنید. پرونده فقط برای صاحب آن باز می‌شود.
receipt-pdf-footer = این رسید را بات پیشخوان صادر کرده است؛ نسخه الکترونیکی آن در گفت‌وگوی شما با بات است.
receipt-field-service = خدمت
receipt-field-recipient = گیرنده خدمت
receipt-field-code = کد رهگیری
receipt-field-when = تاریخ و ساعت
receipt-field-amount = مبلغ دریافتی
receipt-field-business = کسب‌وکار
receipt-field-holder = دارنده پروانه
receipt-field-licence = شماره پروانه
receipt-field-operator = متصدی
receipt-field-address = نشانی
receipt-usage = برای دریافت دوباره رسید چاپی، کد رهگیری را پس از دستور بفرستید؛ مثلاً: /receipt ۱۲۳۴۵-۶۷۸۹۰

## Staff chat

staff-attachment = 📎 پیوست { $index } پرونده <code>{ $code }</code>

## My cases and tracking

my-cases-empty = هنوز پرونده‌ای ندارید. برای ثبت شکایت /complaint را بفرستید.
my-cases =
    <b>پرونده‌های شما</b> ({ $count })
    { $lines }
    { $more }
my-cases-line = • <code>{ $code }</code> — { $business } — { $status } — { $date }
my-cases-more = و { $count } پرونده قدیمی‌تر.
my-requests =
    <b>درخواست‌های تأییدیه فنی نرم‌افزار شما</b> ({ $count })
    { $lines }
my-requests-line = • <code>{ $code }</code> — { $product } — { $status } — { $date }
my-cases-hint = برای دیدن جزئیات و سابقه هر کدام: /track کد
track-ask-code = کد رهگیری را بفرستید؛ مثلاً ۱۲۳۴۵-۶۷۸۹۰ (با رقم فارسی یا انگلیسی).
track-mistyped = این کد رهگیری درست نیست: «{ $typed }». احتمالاً یکی از رقم‌ها اشتباه تایپ شده یا دو رقم جابه‌جا شده‌اند. لطفاً کد را از روی رسید دوباره بفرستید.
track-wrong-length = کد رهگیری ده رقم دارد، مثلاً ۱۲۳۴۵-۶۷۸۹۰؛ آنچه فرستادید («{ $typed }») { $count } رقم دارد. لطفاً کد را از روی رسید دوباره بفرستید.
track-no-digits = کد رهگیری ده رقم دارد و در رسید ثبت شکایت آمده است، مثلاً ۱۲۳۴۵-۶۷۸۹۰؛ لطفاً همان را بفرستید. فهرست پرونده‌هایتان را با /mycases می‌بینید.
track-not-found = پرونده‌ای با این کد رهگیری در میان پرونده‌های شما پیدا نشد.
track-case =
    <b>پرونده</b> <code>{ $code }</code>
    <b>کسب‌وکار:</b> { $business }
    <b>موضوع:</b> { $subject }
    <b>وضعیت:</b> { $status }
    <b>تاریخ ثبت:</b> { $received }
track-attachments = <b>پیوست‌ها:</b> { $count }
track-story =
    <b>روند پرونده:</b>
    { $story }
track-due = <b>مهلت مرحله فعلی:</b> { $due }
track-agreement = <b>شرایط سازش:</b> { $terms }
story-line = • { $when } — { $event }
story-line-reason = • { $when } — { $event }: { $reason }
story-filed = شکایت شما ثبت شد
story-claim = کارشناس پرونده را برای بررسی برداشت
story-assigned = پرونده به کارشناس سپرده شد
story-refer_to_commission = پرونده به کمیسیون رسیدگی به شکایات ارجاع شد
story-refer_to_supervision = پرونده به کمیته نظارت ارجاع شد
story-record_opinion = کمیسیون نظر خود را اعلام کرد
story-close = اتحادیه پرونده را مختومه کرد
story-refer_to_judicial = پرونده به سازمان تعزیرات حکومتی ارسال شد
story-void = پرونده باطل شد
story-withdraw = از شکایت انصراف دادید و پرونده مختومه شد
story-object = به تصمیم اعتراض کردید و پرونده به تعزیرات حکومتی ارسال شد
story-reopen = پرونده دوباره باز شد
story-agree = طرفین سازش کردند و پرونده مختومه شد
story-referred = شکایت ارجاعی از نهاد دیگر ثبت شد
story-complainant_linked = شماره همراه خود را تأیید کردید و شکایت ارجاعی به شما سپرده شد
story-asked = کارشناس از شما پرسشی کرد
story-answered = به پرسش کارشناس پاسخ دادید
story-wrote = برای کارشناس پیام فرستادید
story-replied = کارشناس برایتان پیام فرستاد
story-rated = به رسیدگی امتیاز دادید
story-rating_comment = درباره رسیدگی توضیح نوشتید
# The ways people ask for their cases or their status, one a line: a message that is one of
# these (however spelt: Arabic yeh and kaf, spaces, half-spaces, punctuation) lists the cases
# as /mycases.
my-cases-phrases =
    وضعیت
    وضعیت من
    وضعیت پرونده
    وضعیت پرونده من
    وضعیت پرونده‌ام
    وضعیت پرونده‌ها
    وضعیت پرونده‌هایم
    وضعیت پرونده‌های من
    وضعیت شکایت
    وضعیت شکایت من
    وضعیت شکایتم
    وضعیت شکایت‌ها
    وضعیت شکایت‌های من
    پرونده
    پرونده من
    پرونده‌ام
    پرونده‌ها
    پرونده‌های من
    پرونده‌هایم
    شکایت من
    شکایتم
    شکایت‌های من
    شکایت‌هایم
    پیگیری
    پیگیری پرونده
    پیگیری پرونده من
    پیگیری پرونده‌ام
    پیگیری پرونده‌ها
    پیگیری شکایت
    پیگیری شکایت من
    پیگیری شکایتم
    پرونده‌ام چی شد
    پرونده من چی شد
    شکایتم چی شد
    شکایت من چی شد
    پرونده‌ام به کجا رسید
    شکایتم به کجا رسید
history-line = • { $when } — { $event } { $status }
event-filed = ثبت شکایت

## Texts longer than one message

text-cut-note = (متن کامل در پیام بعدی آمده است)
complaint-description-full =
    <b>شرح کامل شکایت شما:</b>
    { $description }
staff-description-full =
    📄 <b>شرح کامل پرونده</b> <code>{ $code }</code>:
    { $description }
