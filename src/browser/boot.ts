/**
 * The few bytes that run inline in <head>, before the first paint: mark the page as scripted and apply the saved
 * reader settings, so a larger font or the elderly mode costs no layout shift. Kept as a string here so the
 * template prints it and a test can check it matches reader-settings.ts's storage format.
 */
export const READER_BOOT =
  "(function(d){d.classList.add('js');try{var s=JSON.parse(localStorage.getItem('broadsheet:reader')||'{}');" +
  "if(s.font==='small')d.classList.add('font-small');if(s.font==='large')d.classList.add('font-large');" +
  "if(s.elderly===true)d.classList.add('elderly')}catch(e){}})(document.documentElement)";
