// The visitor's page: a small mobile page in Chinese, served by the backend. The HTML carries no
// data; the script (same origin, as the CSP wants) reads the form by its token and posts answers.
export const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>问卷</title>
<style>
body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f6f8;color:#222}
main{max-width:560px;margin:0 auto;padding:16px}
h1{font-size:20px;margin:8px 0}
.q{background:#fff;border-radius:8px;padding:12px;margin:12px 0}
.q label.t{display:block;font-weight:600;margin-bottom:6px}
.q .req{color:#d32f2f}
.opt{display:flex;align-items:center;gap:8px;padding:6px 0}
input[type=text],input[type=tel],input[type=number],input[type=date],textarea{box-sizing:border-box;width:100%;font-size:16px;padding:10px;border:1px solid #ccc;border-radius:6px}
.stars button{font-size:26px;background:none;border:0;color:#ccc;padding:0 4px}
.stars button.on{color:#f5a623}
button.submit{width:100%;padding:14px;font-size:17px;border:0;border-radius:8px;background:#1976d2;color:#fff;margin:8px 0 32px}
.err{color:#d32f2f;font-size:14px;min-height:1em}
.done{background:#fff;border-radius:8px;padding:24px;text-align:center;font-size:18px}
</style></head>
<body><main id="app"><p>正在加载…</p></main><script src="/api/public/form.js"></script></body></html>`;

export const SCRIPT = `(function(){
var token=location.pathname.split('/')[4];var url='/api/public/forms/'+encodeURIComponent(token);
var app=document.getElementById('app');
function el(t,a,k){var e=document.createElement(t);for(var n in a||{}){if(n==='text')e.textContent=a[n];else e.setAttribute(n,a[n]);}(k||[]).forEach(function(c){e.appendChild(c)});return e;}
var TEXT={required:'此项必填',not_an_option:'请选择列出的选项',invalid_type:'格式不正确',out_of_range:'超出允许的范围',invalid_mobile:'请填写正确的手机号码',form_throttled:'提交太频繁了，请稍后再试',form_not_found:'该问卷不存在或已停止收集'};
fetch(url).then(function(r){return r.json().then(function(b){return [r.status,b]})}).then(function(x){
 if(x[0]!==200){app.innerHTML='';app.appendChild(el('div',{'class':'done',text:TEXT.form_not_found}));return;}
 render(x[1]);
}).catch(function(){app.textContent='网络错误，请稍后再试';});
function render(f){
 document.title=f.title;app.innerHTML='';
 app.appendChild(el('h1',{text:f.title}));if(f.description)app.appendChild(el('p',{text:f.description}));
 var form=el('form',{novalidate:'novalidate'});var getters={};var errs={};
 function block(key,label,req,input){var e=el('div',{'class':'err',id:'err-'+key});errs[key]=e;
  var t=el('label',{'class':'t',text:label});if(req)t.appendChild(el('span',{'class':'req',text:' *'}));
  return el('div',{'class':'q','data-key':key},[t,input,e]);}
 form.appendChild(block('name','您的姓名',true,el('input',{type:'text',name:'name',maxlength:'50',autocomplete:'name'})));
 form.appendChild(block('mobile','手机号码',true,el('input',{type:'tel',name:'mobile',maxlength:'20',autocomplete:'tel'})));
 f.questions.forEach(function(q){var box;
  if(q.type==='single'||q.type==='multiple'){box=el('div');q.options.forEach(function(o){
    box.appendChild(el('label',{'class':'opt'},[el('input',{type:q.type==='single'?'radio':'checkbox',name:'q_'+q.key,value:o}),el('span',{text:o})]));});
   getters[q.key]=function(){var v=[].slice.call(form.querySelectorAll('input[name="q_'+q.key+'"]:checked')).map(function(i){return i.value});return q.type==='single'?(v[0]||null):v;};}
  else if(q.type==='rating'){box=el('div',{'class':'stars'});var val=null;for(var i=q.min;i<=q.max;i++){(function(n){var b=el('button',{type:'button','aria-label':n+'分',text:'★'});
    b.onclick=function(){val=n;[].forEach.call(box.children,function(c,j){c.className=(j+q.min)<=n?'on':''});};box.appendChild(b);})(i);}
   getters[q.key]=function(){return val;};}
  else{box=el(q.type==='text'?'textarea':'input',q.type==='text'?{name:'q_'+q.key,rows:'3'}:{type:q.type==='number'?'number':'date',name:'q_'+q.key,inputmode:q.type==='number'?'decimal':'text'});
   getters[q.key]=function(){var v=box.value.trim();return v===''?null:(q.type==='number'?Number(v):v);};}
  form.appendChild(block(q.key,q.label,q.required,box));});
 var btn=el('button',{type:'submit','class':'submit',text:'提交'});form.appendChild(btn);app.appendChild(form);
 form.onsubmit=function(ev){ev.preventDefault();for(var k in errs)errs[k].textContent='';
  var answers={};for(var g in getters){var v=getters[g]();if(v!==null&&!(Array.isArray(v)&&!v.length))answers[g]=v;}
  btn.disabled=true;
  fetch(url,{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({name:form.name.value,mobile:form.mobile.value,answers:answers})})
  .then(function(r){return r.json().then(function(b){return [r.status,b]})}).then(function(x){btn.disabled=false;
   if(x[0]===200){app.innerHTML='';app.appendChild(el('div',{'class':'done',text:x[1].message}));return;}
   var d=(x[1].error||{}).details||{};var key=(d.field||'').replace(/^answers\\./,'');var msg=TEXT[d.code]||'提交失败，请检查后重试';
   if(errs[key]){errs[key].textContent=msg;errs[key].scrollIntoView({block:'center'});}else alert(msg);})
  .catch(function(){btn.disabled=false;alert('网络错误，请稍后再试');});};
}})();`;
