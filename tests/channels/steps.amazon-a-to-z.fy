Foar amazon-a-to-z: claim.txt en claim.pdf
1. Iepenje by Amazon ûnder Myn bestellingen de bestelling en tsjinje in claim yn op de A-tot-z-garantie. Plak de tekst fan claim.txt yn it fak foar de tekst fan de claim: it formulier nimt gjin bestannen oan.
2. Stjoer claim.pdf yn in berjocht oer de bestelling nei de ferkeaper (de berjochten tusken keaper en ferkeaper by Amazon): ien berjocht nimt bestannen oant 10 MB oan.
