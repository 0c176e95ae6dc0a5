/**
 * First names from INSEE's "Fichier des prénoms" (births in France 1900–2021,
 * 2022 edition, Licence Ouverte / Open Licence 2.0 — « Source : Insee, Fichier
 * des prénoms »), read from the `prenoms_france` table of the R package
 * `prenoms` 0.5.0 (ThinkR, MIT), which holds the national file as published.
 * Kept: simple names (no hyphen: "Pierre-Yves" is matched as "Pierre" + "Yves")
 * of at least 3 letters given at least 500 times over the period — 4642 names.
 * Used by names.ts to recognise "Prénom Nom"; regenerate only from that source.
 */
export const INSEE_FIRST_NAMES = `
Aaliyah Aaron Abby Abd Abdallah Abdel Abdelaziz Abdelghani Abdelhafid Abdelhak Abdelhakim Abdelhalim
Abdelhamid Abdelkader Abdelkarim Abdelkrim Abdellah Abdellatif Abdelmajid Abdelmalek Abdelmalik
Abderahmane Abderrahim Abderrahman Abderrahmane Abdessamad Abdon Abdou Abdoul Abdoulaye Abdoullah
Abdullah Abed Abel Abigael Abigaelle Abigail Abigaël Abigaëlle Abigaïl Abir Abou Aboubacar Aboubakar
Abraham Aby Abygaelle Abygaëlle Achille Achraf Ada Adam Adama Adame Adan Adel Adela Adelaide
Adelaïde Adele Adelia Adelie Adelin Adelina Adeline Adem Aden Adil Adja Adnan Adnane Adolphe
Adolphine Adonis Adrian Adriana Adriano Adriel Adrien Adrienne Adèle Adélaïde Adélie Aedan Ael Aela
Aelia Agatha Agathe Aglae Agnès Ahcene Ahlam Ahlem Ahmad Ahmed Ahmet Aicha Aida Aidan Aiden Aimable
Aime Aimen Aimeric Aimie Aimy Aimé Aimée Aina Ainhoa Aisha Aissa Aissata Aissatou Akila Akim Akli
Akram Aksel Aksil Alaa Alain Alais Alan Alana Alann Alaric Alassane Alba Alban Albane Albanie
Alberic Albert Alberte Albertine Alberto Albin Albine Alcide Aldo Aldric Alec Alejandro Aleksandar
Aleksandra Alena Alessandra Alessandro Alessia Alessio Aleth Alex Alexa Alexander Alexandra
Alexandre Alexandrine Alexandro Alexandru Alexane Alexi Alexia Alexian Alexiane Alexie Alexina
Alexine Alexis Alexy Aleyna Alfonso Alfred Alfreda Alfredine Alfredo Ali Alia Alice Alicia Alicya
Alida Alienor Aliette Alima Alina Aline Aliou Alioune Alison Alissa Alissia Alisson Alistair Alix
Alixe Aliya Aliyah Alize Alizea Alizé Alizée Aliénor Allain Allan Allison Allya Allyson Alma Alois
Aloise Alonzo Aloys Aloyse Aloïs Alperen Alpha Alphonse Alphonsine Alvaro Alvin Alvina Alwena Aly
Alya Alyah Alycia Alyson Alyssa Alyssia Alysson Amadou Amael Amaia Amal Amale Amalia Amalya Amand
Amanda Amandine Amani Amar Amara Amaria Amaury Amaya Amaël Ambre Ambrine Ambroise Ambroisine Amede
Amedee Amel Amelia Amelie Amelina Ameline Amelle Amelya Amicie Amin Amina Aminata Amine Amir Amira
Amjad Ammar Amna Amory Amour Amy Amélia Amélie Amélya Ana Anabel Anabela Anabelle Anae Anael Anaelle
Anais Anaise Anas Anass Anastase Anastasia Anastasie Anatole Anaya Anaé Anaë Anaël Anaëlle Anaïs
Anderson Andoni Andrea Andreas Andrei Andreia Andres Andrew Andria André Andréa Andréas Andrée Andy
Anes Ange Angel Angela Angelica Angelin Angelina Angeline Angelique Angelo Angie Angy Angèle
Angélina Angéline Angélique Ania Anicet Anicette Anick Anie Anil Anir Anis Aniss Anissa Anisse Anita
Ann Anna Annabel Annabella Annabelle Annaelle Annaick Annaig Annaëlle Anne Anneliese Annelise
Annelyse Annette Annic Annick Annie Annik Annita Annonciade Anny Anonyme Anouar Anouchka Anouck
Anouk Anselme Anthea Anthime Anthonin Anthony Antoine Antoinette Anton Antone Antonella Antoni
Antonia Antonie Antonietta Antonin Antonine Antonino Antonio Antony Antton Anwar Any Anya Anyssa
Apoline Apolline Appolinaire Appoline Appolonie April Arcade Archibald Arda Arezki Argentine Ari
Aria Ariana Ariane Ariel Arielle Arij Aris Ariste Aristide Arlette Arman Armance Armand Armande
Armandine Armando Armantine Armel Armelle Arnaud Arnauld Arnault Arno Arnold Aron Arsene Arsène
Arthemise Arthur Arthus Artur Artus Arwa Arwen Ary Arya Ashley Asia Aslan Asma Asmaa Asmae Assa
Assia Assil Assiya Assma Assomption Assya Astrid Astride Asya Athanase Athena Athenais Athéna
Athénaïs Atika Attilio Aubane Aubert Aubin Aude Audran Audrey Audric Augusta Auguste Augustin
Augustina Augustine Aurane Aure Aurel Aurele Aurelia Aurelien Aureline Aurelio Auriane Aurianne
Aurora Aurore Aurèle Aurélia Aurélie Aurélien Auxane Auxence Ava Avril Awa Awen Awena Axel Axelle
Aya Ayah Ayan Ayana Ayane Ayat Ayaz Aydan Ayden Aydin Ayhan Ayla Aylan Ayleen Aylin Ayline Ayman
Aymane Aymar Aymen Aymeric Aymerick Ayna Ayoub Ayron Ayrton Ayse Azad Azdine Azedine Azeline Azilis
Aziliz Azilys Aziz Aziza Azra Azzedine Azélie Aëlys Aïcha Aïda Aïdan Aïden Aïna Aïsha Aïssa Aïssata
Aïssatou Babacar Bachir Badis Badr Bahia Bakary Balthazar Baptiste Baptistin Baptistine Baran
Barbara Barbe Barnabe Barthelemy Basile Basma Bastian Bastien Bathilde Batiste Baudouin Baya Bayram
Beatrix Beatriz Bechir Belinay Belinda Belkacem Bella Ben Benedicte Benjamin Benjamine Benoist
Benoit Benoite Benoît Beranger Berangere Berat Berenger Berengere Bernadette Bernadine Bernard
Bernardin Bernardine Bertha Berthe Bertille Bertin Bertrand Beryl Besma Bettina Betty Betul Beverly
Beyza Bianca Bilal Bilel Billal Billel Billie Billy Binta Bintou Bixente Blaise Blanche Blandine
Bleuenn Bleuette Bogdan Boleslaw Boniface Bonnie Boris Boualem Boubacar Boubakar Boubou Bouchra Brad
Bradley Brahim Brandon Brayan Brenda Brendan Briac Brian Briana Brianna Brice Brieuc Brigitte
Britany Brittany Bronislaw Bronislawa Bruce Bruna Brune Bruno Bryan Burak Busra Byron Béatrice
Bénédicte Bérangère Bérengère Bérénice Caleb Cali Calie Calista Calixte Callie Callista Calogero
Calvin Caly Calypso Camel Camelia Cameron Camil Camila Camilia Camilla Camille Camillia Camron
Camélia Can Candice Candide Candy Candyce Canelle Cannelle Capucine Carina Carine Carinne Carl Carla
Carline Carlo Carlos Carmela Carmelo Carmen Carol Carolane Carole Carolina Caroline Carolle Casey
Casimir Cassandra Cassandre Cassidy Cassie Cassiopée Cassy Castille Cataleya Catalina Catarina
Catherine Cathia Cathie Cathy Catia Caty Cedric Cedrick Cedrik Cedrine Celena Celeste Celestin
Celestine Celia Celian Celiane Celie Celina Celya Celyan Cem Cendrine Cerine Cerise Cesaire Cesar
Cesarine Chad Chadi Chadia Chafik Chahid Chahine Chahinez Chaima Chaimaa Chaimae Chainez Chakib
Chana Chanel Chanelle Chantal Chantale Charlelie Charlemagne Charles Charlette Charley Charli
Charlie Charline Charlise Charlize Charlot Charlotte Charly Charlyne Charlène Chayma Chaïma Cheick
Cheikh Cheima Chelsea Chelsy Cherif Cherifa Cherine Cheryl Cheyenne Chiara Chimene Chiraz Chirine
Chloe Chloee Chloé Chretien Chris Christ Christa Christel Christelle Christian Christiana Christiane
Christianne Christie Christina Christine Christophe Christopher Christy Christèle Chrystal Chrystel
Chrystele Chrystelle Chrystèle Ciara Cihan Cindy Cinthia Clair Claire Clairette Clara Clarence
Clarice Clarissa Clarisse Clarysse Claude Claudette Claudia Claudie Claudine Claudio Claudius Claudy
Clayton Clea Clelia Clelie Clemence Clement Clementine Cleo Cleophee Clet Cloe Clotaire Clothilde
Clotilde Clovis Cloé Cléa Clélia Clémence Clément Clémentine Cléo Cléophée Cody Colas Colbert Coleen
Colette Colin Coline Colleen Collette Colline Colombe Colyne Come Conception Concetta Conchita
Conrad Constance Constant Constantin Cora Coralie Coraline Coraly Corantin Corentin Corentine Corine
Corinne Corrine Corto Cosette Coumba Crepin Cristel Cristelle Cristiano Cristina Crystal Curtis
Cylia Cyndie Cynthia Cyprien Cyprienne Cyr Cyrian Cyriane Cyriaque Cyrielle Cyril Cyrille Cyrine
Czeslaw Cécile Cécilia Cédric Céleste Célestin Célestine Célia Célian Célina Céline Célya César Côme
Dado Dahlia Daisy Dalia Dalida Dalil Dalila Dalya Damian Damien Damienne Damla Dan Dana Danae Dani
Dania Danie Daniel Daniela Daniele Daniella Danielle Danièle Danny Dante Dany Danya Daoud Daouda
Daphne Daphnee Daphné Daphnée Daren Daria Darine Dario Darius Darren Daryl Dave David Davide Davina
Davy Dawson Dayan Dayana Dean Debora Deborah Defne Dejan Delia Delphin Delphine Delya Demba Denis
Denise Deniz Denys Denyse Derya Desiree Deva Devon Diana Diane Didier Diego Dieudonne Dieynaba Dilan
Dilara Dilek Dimitri Dimitry Dina Dino Diogo Divine Diégo Djamal Djamel Djamil Djamila Djemel
Djemila Djena Djeneba Djenna Djessy Djibril Djilali Djino Djulian Doha Dolly Dolores Dolorès
Domenico Domingo Dominica Dominique Domitille Don Donald Donat Donatien Donatienne Donia Donna
Donovan Dora Doria Dorian Doriane Dorianne Dorine Doris Dorothee Dorothée Doryan Douglas Dounia
Dounya Dragan Driss Duncan Dune Dwayne Dylan Déborah Délia Désiré Ebru Eda Edan Eddie Eddy Edem Eden
Edgar Edgard Edith Edithe Edme Edmee Edmond Edmonde Edouard Eduardo Edward Edwige Edwin Edwina Efe
Eglantine Eileen Ela Elaia Elana Elaïa Elda Elea Eleana Eleanor Eleanore Elen Elena Eleonor Eleonore
Elfie Elfriede Eli Elia Eliakim Eliam Elian Eliana Eliane Elianne Elias Eliaz Elie Elies Eliette
Elif Elijah Elina Eline Elio Eliot Eliott Elisa Elisabete Elisabeth Elise Elisee Elissa Eliza
Elizabeth Ella Ellen Ellie Elliot Elliott Elly Ellyn Elma Eloa Eloan Eloane Elodie Elody Eloi Eloise
Elona Elora Elouan Elouann Elouen Eloïse Elric Elsa Else Elsie Elvin Elvina Elvira Elvire Elvis Ely
Elya Elyan Elyana Elyane Elyas Elyes Elyn Elyna Elyne Elynn Elyo Elysa Elyse Elyssa Elza Eléa Eléana
Eléanor Eléanore Eléna Eléonore Ema Emanuel Emel Emelie Emeline Emelyne Emeraude Emeric Emerick Emi
Emie Emil Emile Emilia Emilie Emilien Emilienne Emilio Emily Emin Emine Emir Emirhan Emma Emmanuel
Emmanuella Emmanuelle Emmeline Emmie Emmy Emna Emre Emrick Emrys Emy Enaël Enea Eneko Enes Enguerran
Enguerrand Enis Ennio Enoha Enola Enora Enrick Enrico Enrique Enza Enzo Epiphane Erdem Erell Eren
Eric Erica Erich Erick Ericka Erik Erika Erin Erina Erine Erkan Erna Ernest Ernestine Ernesto Eros
Erwan Erwann Erwin Eryn Eryne Esila Eslem Esma Esmeralda Esmée Esperance Esra Esteban Estella
Estelle Ester Estevan Esther Estéban Etan Ethan Ethann Ethel Etienne Etiennette Eudes Eudoxie
Eugenia Eugène Eugénie Eulalie Euloge Eunice Euphrasie Eurydice Eusebe Eustache Eva Evan Evana Evane
Evangeline Evann Evans Evariste Eve Eveline Evelyne Even Evie Evy Ewan Ewann Ewen Ewenn Expedit Eya
Eyden Eymen Eymeric Eytan Eythan Ezechiel Ezekiel Ezio Ezra Fabian Fabien Fabienne Fabio Fabiola
Fabrice Fabrizio Fadel Fadela Fadi Fadila Fadoua Fadwa Fahd Fahim Fahima Faiza Fanette Fannie Fanny
Fanta Fantine Fany Faouzi Farah Farel Fares Farid Farida Faride Faris Farouk Farrah Farès Faten
Fathi Fathia Fatih Fatiha Fatim Fatima Fatimata Fatma Fatna Fatou Fatouma Fatoumata Faustin Faustine
Fawzi Faycal Fayssal Fayçal Faïza Felicia Felicie Felicien Felicienne Felicite Felipe Felix
Ferdinand Ferhat Feriel Fernand Fernanda Fernande Fernando Feryel Fethi Feyza Fidele Filip Filipe
Filiz Fiona Firas Firdaous Firdaws Firmin Flavia Flavian Flavie Flavien Flavio Flavy Fleur Fleurine
Fleury Flora Floran Flore Floreal Florelle Florence Florent Florentin Florentine Florette Florian
Floriane Florianne Florie Florient Florimond Florina Florine Floris Fortune Fortunee Fouad Foucauld
Foued Fouzia Franc Franca France Franceline Francelise Francesca Francesco Francette Francia
Franciane Francine Francis Francisca Francisco Francisque Franck Francky Franco Frank Franklin
Franky Frantz Franz François Françoise Fred Freddy Frederick Frederik Fredy Frida Frieda Fritz
Frédéric Frédérick Frédérique Fulbert Furkan Félicia Félicie Félix Gabin Gabriel Gabriela Gabriele
Gabriella Gabrielle Gabryel Gaby Gael Gaele Gaelle Gaetan Gaetane Gaetano Gaia Galaad Gamze Garance
Garry Gary Gaspar Gaspard Gaston Gatien Gaultier Gauthier Gautier Gauvain Gaylord Gaétan Gaël Gaëlle
Gaëtan Gaëtane Gaïa Gemma Geneviève Geoffray Geoffrey Geoffroy George Georges Georget Georgette
Georgia Georgina Georgine Geraldine Gerardine Geraud Germain Germaine Gerome Gersende Gertrude Gerty
Gervais Gervaise Gery Ghislain Ghislaine Ghizlane Ghjulia Ghyslaine Giacomo Giani Gianni Gianny Gil
Gilbert Gilberte Gilda Gildas Gilette Gilles Gillette Gillian Gilliane Gina Ginette Gino Giovani
Giovanna Giovanni Giovanny Giovany Giselle Gislain Gislaine Gislhaine Gisèle Giulia Giulian Giuliana
Giuliano Giulio Giuseppe Giuseppina Gizem Gladys Glenn Gloria Glwadys Godefroy Gokhan Gontran
Gonzague Goran Goulven Goundo Grace Gracieuse Gratien Gratienne Graziella Greg Gregory Grégoire
Grégory Guenael Guenaelle Guenola Guenole Guido Guilaine Guilhem Guillaume Guillem Guillemette
Guiseppe Guislaine Gurvan Gustave Guy Guylaine Guylene Gwen Gwenael Gwenaelle Gwenaël Gwenaëlle
Gwendal Gwendoline Gwendolyne Gwenn Gwennaelle Gwenola Gwenole Gwladys Gwénaëlle Gyslaine Gérald
Géraldine Gérard Habib Habiba Haby Hacene Hadda Hadi Hadj Hadja Hadrien Hafid Hafida Hafsa Hafssa
Hailey Hajar Hajer Hakan Hakim Hakima Haley Halil Halim Halima Hamdi Hamed Hamid Hamida Hamidou
Hamza Hana Hanaa Hanae Hanan Hanane Hanaé Hanaë Hania Hanifa Hanna Hannah Hans Haris Harmonie
Harmony Harold Haron Harone Haroun Harouna Harry Harun Hasan Hasna Hassan Hassane Hassen Hassina
Hatem Hatice Hatim Hatouma Hava Hawa Haya Hayat Hayate Hayden Hayet Hayette Hazal Heather Heaven
Hector Hedi Hedwige Hedy Heidi Helder Helen Helena Helga Heliane Heliette Helin Helios Heloise Henda
Hendrick Henri Henria Henrick Henriette Henrique Henry Herbert Herman Hermance Hermann Hermine
Herminie Hermione Herveline Hervé Hiba Hicham Hichame Hichem Hidaya Hilaire Hilal Hilarion Hilda
Hildegarde Hina Hind Hinda Hinde Hippolyte Hocine Honorat Honore Honorine Horace Hortense Houari
Houcine Houda Houria Houssam Hubert Huberte Hugo Hugues Huguette Hulya Humbert Huseyin Hussein
Hyacinthe Hélio Hélios Héloïse Hélèna Hélène Héléna Ian Ianis Iban Ibrahim Ibrahima Ibtissam
Ibtissem Icham Ichem Ida Idir Idris Idriss Idrissa Ignace Igor Ihsan Ihsane Ikram Ikrame Ilan Ilana
Ilane Ilann Ilario Ilayda Ilda Ileana Ilena Ilham Ilhame Ilhan Ilhem Ilian Iliana Iliane Ilias Ilies
Illan Illona Ilona Ilyan Ilyana Ilyane Ilyas Ilyass Ilyasse Ilyes Ilyess Ilyès Imad Iman Imane
Imanol Imany Imed Imen Imene Imran Imrane Imrân Imène Ina Inaya Inayah Incarnation India Indiana
Indira Ines Iness Ingrid Inna Innocent Insaf Inès Inés Iona Irem Irena Irenee Irina Iris Irma Irmine
Irvin Irène Isa Isaac Isaak Isabel Isabella Isabelle Isac Isadora Isaiah Isaie Isaline Isalyne
Isaure Isaïah Ishak Ishaq Isia Isidore Isis Islam Islem Isma Ismael Ismahane Ismail Ismaël Ismaïl
Isra Israa Israel Issa Issam Issra Ivan Ivana Ivann Ivette Ivonne Ivy Iwan Iyad Iyed Izia Izïa
Jacinthe Jack Jacki Jackie Jackson Jacky Jacob Jacqueline Jacques Jacqui Jacquie Jacquy Jad Jade
Jaden Jahid Jaime Jaky Jalal Jalil Jalila Jamal Jamel James Jamie Jamil Jamila Jamy Jan Jana Jane
Janelle Janice Janick Janie Janina Janine Janique Janis Janna Jannah Jannat Jannick Jannine Janny
Jany Jaouad Jarod Jasmin Jasmine Jason Jassem Jassim Javier Jawad Jawed Jaya Jayden Jayson Jazz Jean
Jeanine Jeanne Jeannette Jeannick Jeannie Jeannine Jeannot Jeanny Jeff Jefferson Jeffrey Jehan
Jehanne Jena Jenifer Jenna Jennah Jennifer Jenny Jennyfer Jeoffrey Jeremi Jeremie Jeremy Jerome
Jeromine Jerry Jerôme Jesse Jessica Jessie Jessika Jessim Jessy Jessyca Jesus Jibril Jihad Jihane
Jill Jim Jimmy Jinane Joachim Joackim Joakim Joan Joana Joane Joann Joanna Joanne Joannes Joannie
Joanny Joao Joaquim Joaquin Jocelin Joceline Jocelyn Jocelyne Jodie Jody Joe Joele Joey Joffrette
Joffrey Johan Johana Johane Johann Johanna Johanne Johannes John Johnny Johny Jolan Jon Jonah Jonas
Jonathan Joran Jordan Jordane Jordi Jordy Jorge Joris Jorys Josee Josefa Joseline Joselito Joselyne
Joseph Josepha Josephe Josephine Josette Josh Joshua Josian Josiane Josianne Josie Josselin
Josseline Josselyne Josue Josué Josy Josyane José Joséphine Joud Joudia Joumana Joy Joyce Joël
Joëlle Juan Juana Juanita Juanito Jude Judicael Judith Jule Julen Jules Julia Julian Juliana Juliane
Juliann Julianna Julianne Juliano Julie Julien Julienne Juliette Juline Julio Julius Jullian July
Julya Julyan June Junior Just Juste Justin Justine Jérome Jérémie Jérémy Jérôme Kaan Kader Kadiatou
Kadidiatou Kadidja Kadija Kadir Kahil Kahina Kaina Kais Kaiss Kali Kalie Kalvin Kaly Kamal Kamel
Kamelia Kameron Kamil Kamila Kamilia Kamélia Kaoutar Kara Karamba Karel Karelle Karen Karene Karim
Karima Karin Karina Karine Karinne Karl Karla Kassandra Kassim Kassy Kataleya Katarina Kate Katell
Katherine Kathia Kathleen Kathy Katia Katie Katleen Katty Katy Katya Kawtar Kawthar Kayden Kayla
Kaylan Kaylee Kaylia Kayliah Kaylie Kayna Kayron Kays Kaïna Kaïs Kaïss Keira Kelia Kelian Kellian
Kelly Kellya Kelsy Keltoum Kelvin Kelya Kelyan Kemal Ken Kenan Kendji Kendra Kendrick Kenji Kenjy
Kenneth Kenny Kentin Keny Kenza Kenzi Kenzo Kenzy Keran Kerem Keren Kerian Kerim Keryan Kessy Ketsia
Ketty Kevan Kevin Kevyn Keyla Keylan Keylia Keylian Keziah Khadidja Khadija Khady Khaled Khalid
Khalil Khalis Khalissa Khedidja Kheira Kiara Kieran Kilian Killian Killyan Kilyan Kim Kimberley
Kimberly Kimi Kimy Kingsley Kinsley Kira Kiyan Klara Kleber Klebert Klervi Kloe Kloé Koumba Kris
Kristel Kristell Kristelle Kristen Kristina Krystal Krystel Kubra Kurt Kurtis Kyan Kyara Kylan Kyle
Kylian Kyliane Kyliann Kylie Kyllian Kyra Kyrian Kélia Kélian Kélya Kélyan Kévin Ladislas Ladji
Laeticia Laetitia Lahcen Lahcene Lahna Laid Laila Laina Lakdar Lakhdar Lalia Lalie Laly Lambert
Lamia Lamine Lamya Lana Lancelot Landry Lanna Laora Lara Larbi Larissa Larry Lassana Laszlo Latifa
Laura Laurane Lauranne Laure Laureen Laureline Lauren Laurena Laurence Laurene Laurent Laurentine
Laurette Lauriane Laurianne Laurie Laurina Laurine Laury Lauryn Lauryne Laurène Lawrence Laya Layan
Layana Layanah Layane Layanna Layla Layna Lazare Laétitia Laëtitia Laïa Laïla Laïna Lea Leah Leana
Leandra Leandre Leandro Leane Leanna Leanne Leeloo Leelou Leena Leeroy Lehna Leia Leila Leina Lelia
Lelio Lena Lenaic Lenaick Lenaig Leni Lenna Lennie Lenny Leny Lenzo Leo Leocadie Leon Leona Leonard
Leonardo Leonce Leoncie Leonel Leonide Leonie Leonne Leonor Leonore Leopold Leopoldine Lesia Leslie
Lesly Leticia Letitia Letizia Levana Levi Levy Lewis Lexane Lexie Lexy Leya Leyana Leyla Leyna Leïa
Leïla Leïna Lia Liam Liana Liane Lidia Lidwine Liham Lila Lilas Lili Lilia Lilian Liliana Liliane
Lilianne Lilie Lilio Lilly Lilo Liloo Lilou Lilwenn Lily Lilya Lin Lina Linaya Linda Lindsay Lindsey
Line Linette Lino Linoa Linsay Lionel Lionnel Lior Liora Lisa Lisandro Lisandru Lisbeth Lise Lisea
Liselotte Lisette Lisiane Lison Lissandro Lisy Liséa Liv Livia Livio Liya Liyah Liyam Liyana Liz
Liza Lizea Lizzie Lizéa Lloyd Loan Loana Loane Loann Loanne Lobna Loeiza Loelia Loetitia Loeva
Loevan Logan Logane Logann Loghan Lohan Lohann Loic Loick Loik Lois Loise Lola Lolita Lona Lony
Loona Loqman Lora Loraine Loredana Lorelei Loren Lorena Lorene Lorenza Lorenzo Lorette Loriane Loric
Lorick Lorie Lorik Lorine Loris Lorna Lorraine Lorris Lory Lorys Lorène Lotfi Lou Louan Louana
Louane Louann Louanne Louay Loubna Louca Loucas Loucia Louen Louenn Louis Louisa Louise Louisette
Louisiane Louison Louiza Louka Loukas Louna Lounes Lounis Loup Louve Lovely Lowen Loévan Loïc Loïs
Loïse Luan Luana Lubin Luc Luca Lucas Lucay Lucca Luce Lucenzo Lucette Lucia Lucian Luciana Luciano
Lucie Lucien Lucienne Lucile Lucille Lucinda Lucine Lucio Lucrece Lucy Ludivine Ludmila Ludmilla
Ludovic Ludwig Luigi Luis Luisa Luka Lukas Luke Luna Luqman Luz Lya Lyah Lyam Lyana Lyanna Lycia
Lydia Lydiane Lydie Lyes Lyham Lyla Lylia Lylian Lyliane Lyloo Lylou Lyna Lynda Lyne Lynn Lynna
Lyonel Lys Lysa Lysandre Lyse Lysiane Lysie Lyson Lyssandre Lyséa Lyvia Lyvio Léa Léana Léandre
Léandro Léane Léanna Léanne Lélio Léna Léni Lény Léo Léon Léona Léonard Léone Léonie Léonore
Léontine Léopold Léopoldine Lévi M'hamed Maceo Macha Macéo Madani Maddie Maddy Madelaine Madeleine
Madeline Madina Madison Madisson Madjid Mady Madyson Mae Mael Maela Maelan Maelane Maelia Maelie
Maelig Maeline Maelis Maeliss Maelisse Maella Maelle Maelly Maellys Maely Maelya Maelyne Maelys
Maelyss Maelysse Maena Maeva Maewenn Magali Magalie Magaly Magda Magdalena Magdeleine Maggy Magloire
Maguelone Maguy Maha Mahamadou Mahault Mahaut Mahdi Mahe Mahel Maher Mahina Mahir Mahmoud Maho Mahé
Mai Maia Maiana Maider Maika Mailis Maily Mailys Maimouna Maina Maissa Maissane Maite Maitena Maiwen
Maiwenn Majda Majid Makan Malak Malaurie Malaury Malcolm Malcom Malek Malena Malia Malicia Malick
Malik Malika Mallaury Mallorie Mallory Malo Malone Malonn Malorie Malory Malou Maloé Malvina Malya
Mama Mamadou Mame Mamou Mamoudou Manal Manar Mandy Manel Manelle Manfred Mani Mano Manoa Manoah
Manoe Manoel Manolo Manon Manoé Mansour Manu Manuel Manuela Manuella Manuelle Many Mao Mara Maram
Marc Marceau Marcel Marcelin Marceline Marcella Marcelle Marcellin Marcelline Marcello Marco Marcus
Marek Mareva Margaret Margareth Margaux Margo Margot Marguerite Maria Mariam Mariama Mariame Marian
Mariana Mariane Marianna Marianne Mariannick Mariano Marie Mariella Marielle Mariem Marieme Marien
Marietta Mariette Marika Marilene Mariline Marilou Marilyn Marilyne Marilys Marin Marina Marine
Marinette Marino Mario Marion Marisa Marise Marissa Marius Mariya Marjane Marjolaine Marjorie
Marjory Mark Marko Marley Marlise Marlon Marlone Marlyse Marlène Maroua Marouan Marouane Maroussia
Marta Martha Marthe Martial Martin Martina Martine Marty Marvin Marvyn Marwa Marwan Marwane Mary
Marya Maryam Maryan Maryannick Maryem Marylene Marylin Maryline Marylise Marylou Marylène Maryne
Maryse Maryvonne Massimo Massinissa Matei Mateo Matheo Mathew Mathias Mathieu Mathilda Mathilde
Mathis Mathurin Mathurine Mathys Mathéis Mathéo Matias Matilda Matilde Matis Matisse Matt Matteo
Matthew Matthias Matthieu Matthis Matthys Matthéo Mattia Mattias Mattis Mattys Mattéo Matys Matéo
Maud Maude Maurane Maureen Maurice Mauricette Mauricia Maurille Maurine Maverick Max Maxance
Maxandre Maxence Maxens Maxim Maxime Maximilian Maximilien Maximilienne Maximin Maxine May Maya
Mayana Mayane Mayar Mayeul Maylan Maylee Mayleen Maylie Mayline Maylis Mayliss Maylon Maylone Mayra
Mayron Mayronn Mayson Mayssa Mayssane Mazarine Maé Maélie Maéline Maélys Maéva Maë Maël Maëla Maëlan
Maëlia Maëlie Maëline Maëlle Maëlly Maëly Maëlya Maëlyne Maëlys Maëlyss Maëva Maïa Maïly Maïlys
Maïmouna Maïna Maïra Maïssa Maïssane Maïté Maïwen Maïwenn Medard Meddy Mederic Medhi Medhy Medina
Medine Medy Megan Megane Meggie Meggy Meghan Meghane Mehdi Mehdy Mehmet Meissa Mel Melaine Melany
Melchior Melda Melek Melia Melie Melih Meliha Melika Melike Melina Melinda Meline Melis Melisa
Melisande Melissa Melissande Melissandre Mellina Melodie Melody Melusine Melvil Melvin Melvyn Melya
Melyna Melynda Melyne Melyssa Mendy Menzo Mercedes Meredith Meriam Meriem Merlin Merve Merveille
Merwan Meryam Meryem Meryl Mesmin Messaoud Messaouda Meven Mewen Meyssa Meziane Meïssa Mia Micael
Michael Michaela Michaelle Michaël Michel Micheline Michelle Michèle Mickael Mickaela Mickaella
Mickaelle Mickaël Mieczyslaw Miguel Mika Mikael Mikail Mikaël Mike Mikel Mila Milan Milana Milane
Milann Milena Milene Milhan Milhane Milla Milo Miloud Milàn Miléna Mimoun Mina Minh Mira Miral Miran
Miranda Mireille Mirella Miriam Miryam Miya Moana Modeste Modibo Mody Mohamad Mohamed Mohammad
Mohammed Mohand Moise Moisette Mokhtar Moktar Molly Mona Moncef Monette Monia Monica Monika Monique
Montaine Morad Morane Morgan Morgane Morgann Morganne Mostafa Mouad Mouhamadou Mouhamed Mouhammad
Moulay Mouloud Mouna Mounia Mounir Mounira Mourad Moussa Moustafa Moustapha Moïra Moïse Muguette
Muhammad Muhammed Muhammet Murat Muriel Muriele Murielle Musa Mustafa Mustapha Mya Myla Mylan Mylann
Mylena Mylo Mylène Myriam Myriame Myriane Myrianne Myriem Myron Myrtille Médine Mégane Mélanie Mélia
Mélie Mélina Mélinda Méline Mélissa Mélissandre Mélodie Mélody Mélya Mélyna Mélyne Méryl Mïa Nabil
Nabila Nabile Nacer Nacera Nacim Nada Nadege Nader Nadia Nadiege Nadim Nadine Nadir Nadira Nadège
Nael Naelle Nafissa Nahel Nahia Nahil Nahim Nahima Nahla Nahyl Naia Nail Naila Naim Naima Nais Najat
Najate Najet Najia Najib Najim Najoua Najwa Nalya Nancy Nans Nao Naomi Naomie Naomy Naoual Naouel
Naoufel Narcisse Nasser Nassera Nassim Nassima Nassira Nastasia Natacha Natalia Natalie Natan
Natasha Nathael Nathalia Nathalie Nathan Nathanael Nathanaelle Nathanaël Nathaniel Nathaël Nathéo
Natéo Nawal Nawel Nawelle Nawfel Naya Nayah Nayan Nayel Nayla Nazaire Naziha Nazim Naé Naël Naëlle
Naïa Naïl Naïla Naïm Naïma Naïs Nedjma Neela Neil Neila Nejma Nelia Nell Nella Nellie Nello Nelly
Nelson Nelya Neo Nermine Neslihan Nesrine Ness Nessa Nessim Nessrine Nesta Nestor Neven Neyla Neïla
Ngoc Nicaise Nicholas Nicky Nicola Nicolas Nicole Nicolette Nicolle Nidal Niels Nihad Nihal Nihel
Nikita Nikola Nil Nila Nils Nina Nine Nino Ninon Niouma Nisa Nisrine Nizar Noa Noah Noam Noan Noann
Noe Noela Noele Noelia Noelie Noeline Noella Noellie Noelly Noelyne Noemi Noemie Noemy Noha Noham
Nohan Nohann Nohlan Nohé Nola Nolan Nolane Nolann Nolhan Nolhann Nollan Nolwen Nolwenn Nonce Noor
Nora Norah Norbert Nordine Noria Norma Norman Nouara Nouha Nour Noura Nourane Nourdine Noureddine
Nouredine Nourhane Nouria Nourredine Noé Noélia Noélie Noéline Noémie Noël Noëlie Noëlla Noëlle
Noëmie Numa Nuno Nyla Nélia Nélya Néo Oceane Oceanne Octave Octavia Octavie Océane Odelia Odette
Odile Odille Odilon Odin Oihan Oihana Okan Oksana Olfa Olga Olive Oliver Olivia Olivier Ollivier
Olympe Omar Ombeline Omer Ondine Onesime Onur Ophelia Ophélia Ophélie Orane Orhan Oriana Oriane
Orianne Orlando Orlane Ornella Oscar Oskar Osman Oswald Othilie Othman Othmane Othon Otto Ouafa
Oualid Ouarda Ouardia Oumaima Oumar Oumayma Oumou Ourida Ousmane Oussama Owen Oxana Ozan Ozlem Pablo
Paco Pacome Pacôme Palmyre Paloma Pamela Paméla Paola Paolina Paolo Paquerette Paquita Parfait Paris
Pascal Pascale Pascaline Pasquale Patric Patrice Patricia Patrick Patxi Paul Paula Paule Paulette
Paulin Paulina Pauline Paulo Pavel Pearl Pedro Peggy Peio Pelagie Penda Penelope Perine Perla Perle
Perrine Peter Petronille Petrus Pharell Philemon Philibert Philiberte Philip Philippe Philippine
Philomene Philomène Phoebe Pia Pierre Pierrette Pierric Pierrick Pierrine Pierrot Pietro Pilar Pio
Placide Pol Precilia Precillia Prescilia Prescilla Prescillia Preston Priam Prince Prisca Priscilia
Priscilla Priscille Priscillia Prosper Prudence Prudent Prune Pulcherie Pénélope Qassim Quentin
Quitterie Rabah Rabia Racha Rachel Rachele Rachelle Rachid Rachida Radegonde Radia Radouane Rafael
Rafaël Rafik Rahim Rahma Raissa Raja Rajaa Ralph Ramata Ramatoulaye Ramazan Rami Ramon Ramy Ramzi
Rana Randy Rania Ranya Raouf Raoul Raphael Raphaele Raphaella Raphaelle Raphaël Raphaëlle Raquel
Rayan Rayana Rayane Rayann Rayen Rayhan Rayhana Raymond Raymonde Raynald Rayyan Razane Raïssa
Rebecca Reda Redha Redouane Redwan Regina Reginald Regis Reine Rejane Remi Remond Renald Renan
Renato Renaud Renelle Renzo René Renée Reymond Reymonde Reynald Riad Ricardo Richard Rida Rigobert
Riham Rihanna Riley Rim Rima Rime Rina Rino Rita Ritaj Ritchy Ritej Rivka Riwan Riyad Roan Robert
Roberte Robertine Roberto Robin Robinson Rocco Roch Rodolphe Rodrigo Rodrigue Roger Rohan Rokia
Roland Rolande Rolland Rollande Romain Romaine Romaissa Roman Romane Romann Romaric Romeo Romie
Romuald Romy Roméo Ronald Ronan Ronny Rony Rosa Rosaire Rosalia Rosalie Rosan Rosane Rosanna Rosanne
Rosaria Rosario Rose Roseline Roselyne Rosemonde Rosette Rosie Rosina Rosine Rosita Rosy Rowan
Roxane Roxanne Roy Rozenn Ruben Rubens Ruby Ruddy Rudolph Rudolphe Rudy Rufine Rui Rumeysa Ruth Ryad
Ryan Rym Rébecca Régine Régis Réjane Rémi Rémy Saad Saadia Sabah Sabas Saber Sabina Sabine Sabri
Sabrina Sabrine Sabry Sacha Sadia Sadio Safa Safaa Safae Safia Safir Safiya Safwan Safwane Safya
Sahel Sahra Said Saida Saint Sainte Saja Sajid Sakina Salah Saleha Salem Salif Salih Saliha Salim
Salima Salimata Sally Salma Salman Salmane Salome Salomee Salomon Salomé Saloua Salsabil Salvador
Salvator Salvatore Salwa Sam Samah Samanta Samantha Samara Samba Samet Sami Samia Samir Samira Sammy
Samra Samson Samuel Samy Samya Sana Sanaa Sanae Sanah Sandie Sandra Sandrina Sandrine Sandro Sandy
Sania Santiago Santino Saona Saphia Saphir Sara Sarah Sarra Sasha Saskia Satine Saturnin Saul
Sauveur Savana Savanah Savannah Saveria Sayan Saïd Saïda Scarlett Scholastique Scott Scotty Sean
Sebastian Sebastienne Sekou Selen Selena Selene Selim Selin Selina Selma Selyan Sema Semih Sena
Sephora Seraphin Seraphine Serena Serge Sergine Sergio Serhat Serine Serkan Servais Servane Sevan
Sevda Severin Severine Seydou Seyma Shaima Shaina Shainez Shana Shanel Shania Shanice Shanna Shannon
Shanon Shanone Sharon Shawn Shayan Shayma Shayna Shaïma Shaïna Sheherazade Sheila Shelby Shelly
Shelsy Sherazade Sherine Sherley Sheryne Shirel Shirine Shirley Shona Siana Sibel Sibylle Sid Sidi
Sidney Sidonie Sidra Sidy Siegfried Sienna Sigrid Siham Sihame Sihem Sila Silas Siloe Siloé Silvain
Silvana Silvere Silvia Silviane Silvie Silvio Silya Simao Simeon Simon Simone Simonne Siméon Sinan
Sindy Sinem Sira Sirine Sixtine Skander Slim Sliman Slimane Sloan Sloane Smail Smain Soan Soane
Soann Soazig Soen Sofia Sofian Sofiane Sofien Sofiene Sofyan Sohan Sohane Sohann Soizic Solal Solan
Solange Soledad Solen Solene Solenn Solenne Soline Solveig Solyne Solène Sonia Sonja Sonny Sony
Sonya Sophia Sophian Sophiane Sophie Soraya Soren Sorenza Soria Sosthene Souad Soufian Soufiane
Souhail Souhayl Souheil Souheyl Souhila Soujoud Soukaina Soukayna Soukaïna Soulayman Soulaymane
Souleyman Souleymane Souleymen Soumaya Soumeya Soumia Soundous Soën Stacy Stan Stanislas Stanislaw
Stanislawa Stanley Stany Stecy Steeve Steeven Steevy Stefan Stefania Stefano Steffie Steffy Stella
Stephan Stephania Stephen Sterenn Stessie Stessy Stevan Steve Steven Stevens Stevie Stevy Stéphan
Stéphane Stéphanie Suleyman Sulivan Sullivan Sully Sullyvan Sultan Sulyvan Sunny Susan Susie Suzana
Suzanna Suzanne Suzel Suzelle Suzette Suzie Suzon Suzy Sven Svetlana Swan Swann Swanny Syana Sybille
Sydney Sylia Sylvain Sylvaine Sylvana Sylvanie Sylvano Sylvere Sylvestre Sylvette Sylvia Sylvian
Sylviane Sylvianne Sylvie Sylvine Sylvio Syrine Sébastien Ségolène Sélène Séléna Séréna Séverine
Sören Tadeusz Taha Tahar Tahina Tahys Taina Tais Talha Talia Talya Tamara Tancrede Tangi Tanguy
Tania Tanya Tao Taoufik Tara Tarek Tarik Tasnim Tasnime Tassadit Tatiana Tayeb Taylor Tayron Taïna
Taïs Tea Ted Teddy Telma Teo Terence Teresa Terry Tesnim Tesnime Tess Tessa Tessy Teva Thais Thalia
Thalya Thanh Thao Thaïs Thea Theau Thelma Theo Theodora Theodore Theodule Theophane Theophile
Theotime Theresa Theresia Thereze Thi Thiago Thibaud Thibault Thibaut Thierno Thierry Thiery Thimeo
Thiméo Thomas Thomassine Thya Thyméo Théa Thélio Théo Théodore Théophile Thérèse Tia Tiago Tiana
Tibo Tiburce Tidiane Tifaine Tifanie Tifanny Tifany Tifenn Tiffanie Tiffany Tilio Tim Timaé Timaël
Timeo Timmy Timo Timote Timothe Timothee Timothy Timothé Timothée Timoté Timéa Timéo Tina Tino
Tiphaine Tiphanie Tiphany Titouan Tiziana Tiziano Tobias Tolga Tom Tomas Tommy Tomy Toni Tony
Toscane Toufik Touria Toussaint Toussainte Toussine Tracy Travis Trecy Tressy Tristan Trystan Tugba
Tugdual Tya Tyago Tyana Tylan Tyler Tylian Tylio Tymeo Tyméo Typhaine Typhanie Tyron Tyson Téa Télio
Téo Ugo Ugur Ulric Ulrich Ulrick Ulysse Umberto Umit Umut Urbain Uriel Ursula Ursule Vadim Valentin
Valentina Valentine Valentino Valere Valeria Valerian Valeriane Valery Valérian Valérie Valéry Van
Vanda Vanessa Vanille Vanina Vasco Vassili Vera Veronica Vianney Vicente Vicky Victoire Victor
Victoria Victorien Victorin Victorine Viktor Viktoria Vince Vincent Vincente Vincenzo Vinciane
Violaine Violetta Violette Virgil Virgile Virginia Virginie Vital Vitaline Vito Vittoria Vittorio
Vivian Viviane Vivianne Vivien Vivienne Vladimir Volkan Voltaire Véronique Wael Wafa Wafaa Wahib
Wahiba Wahid Wahil Wail Walid Walter Wanda Wandrille Warda Waren Warren Wassil Wassila Wassim Wayne
Waël Waïl Wenceslas Wendy Werner Wesley Whitney Wiam Widad Wilfrid Wilfried Wilhelm Wilhem Willem
William Williams Willow Willy Wilson Wissal Wissam Wissem Wladimir Wladislas Wladislaw Wladislawa
Wladyslaw Wladyslawa Wolfgang Wyatt Xabi Xan Xavier Xaviere Yacin Yacine Yacoub Yael Yaelle Yahia
Yahya Yakine Yamin Yamina Yamine Yamna Yan Yana Yani Yanice Yanick Yanis Yaniss Yanisse Yann Yanna
Yanni Yannic Yannick Yannik Yannis Yara Yasemin Yasin Yasine Yasmin Yasmina Yasmine Yasser Yassin
Yassine Yassir Yassmine Yaya Yazid Yaël Yaëlle Yelena Yeliz Ylan Ylana Ylann Ylian Yliana Ylies
Yllan Ylona Ynes Yoan Yoann Yoel Yohan Yohann Yohanna Yolaine Yolan Yoland Yolanda Yolande Yolene
Yona Yoni Yorick Yosra Yossef Youcef Youen Youenn Youmna Youna Younes Youness Younès Youri Yousra
Yousri Youssef Youssouf Youssra Ysaline Yseult Ysée Yuna Yunus Yuri Yusuf Yvain Yvan Yvana Yvane
Yvann Yvanna Yveline Yvelise Yves Yvette Yvon Yvonne Yvonnick Zacharia Zacharie Zachary Zack Zackary
Zadig Zahia Zahir Zahra Zaid Zaina Zainab Zaineb Zakari Zakaria Zakariya Zakary Zakarya Zaki Zakia
Zara Zayan Zayd Zayn Zaynab Zayneb Zaïna Zehra Zeineb Zelda Zelia Zelie Zeliha Zephirin Zeyneb
Zeynep Zia Ziad Zian Zied Zina Zineb Zinedine Zita Ziyad Ziyed Zoe Zoey Zohra Zola Zora Zoran
Zoubida Zoé Zoë Zulma Zyad Zyed Zélia Zélie Ève Éden Édouard Élia Élias Élie Élina Éline Élio Élisa
Élisabeth Élise Élodie Éloi Éloïse Élya Éléa Éléanore Éléna Éléonore Émeline Émie Émile Émilie Émy
Énola Énora Éric Éthan Étienne Éva Évan Ömer
`;

/**
 * The names above that are also French words ("Rose", "Constant", "Olive"…),
 * as listed by the npm package an-array-of-french-words 2.0.0 (MIT): alone at
 * the start of a sentence, they are read as words, not as names.
 */
export const FIRST_NAMES_ALSO_WORDS = `
Adonis Aida Aimable Aime Aimé Aimée Alexandra Alexandrine Alizé Alpha Alvin Amadou Ambre Amour Ana
Ange Angélique Anis Anonyme Arcade Argentine Aria Assomption Aubin Auguste Aurore Avril Balthazar
Baptiste Barbe Batiste Baya Ben Benjamin Benjamine Benoît Bernardin Bernardine Blanche Boubou
Brandon Brune Calypso Camélia Candide Cannelle Capucine Carline Casimir Cerise Charlotte Cheikh
Christ Clair Claire Clairette Clarisse Clémence Clément Clémentine Colin Collette Colline Colombe
Conception Constance Constant Céleste Célestin César Dahlia Dan Daphné Diane Divine Don Donna Dora
Doris Dune Délia Désiré Ester Eustache Fatma Fleur Flore Florence Florentin Florentine Fortune Franc
Francisque Franco Fritz Garance Gemma Germain Germaine Gilles Gloria Gracieuse Guillaume Guillemette
Harmonie Hava Henry Hermine Hilaire Honore Hyacinthe Incarnation Innocent Iris Islam Ivette Jacinthe
Jack Jade Jan Jasmin Jazz Jean Jeannette Jenny Joseph Jules Julien Julienne Junior Juste Kali Kelvin
Laid Laina Lamine Laya Lexie Lia Liane Lilas Lin Linette Lino Lise Lois Lorette Loris Lorraine Louis
Loup Louve Luis Lys Lysa Lyse Léonard Madeleine Mai Manuel Manuelle Marc Marguerite Maria Marie
Marin Marina Marine Marjolaine Mark Martial Matis Matisse Max Maxime Maya Maïa Melchior Merlin
Merveille Micheline Milan Mina Mira Modeste Moise Moussa Moïse Muguette Musa Myrtille Mélia Mélodie
Nadir Nais Narcisse Nonce Noria Noël Néo Octave Octavia Octavie Olive Olivier Olympe Ondine Oscar
Parfait Paris Pascal Pascale Patrice Paulette Perla Perle Philippine Pierre Pierrot Placide Prince
Prudence Prudent Prune Radia Raja Rami Reine René Renée Richard Rida Rima Rime Robert Robin Romain
Romaine Roman Romane Rosa Rosaire Rose Rosette Rosie Régis Sabine Sahel Saint Sainte Samba Sana
Saphir Satine Saturnin Sauveur Sema Serge Serine Servais Sibylle Solen Sultan Sylvain Sylvestre Tais
Tara Tomas Tommy Toscane Toussaint Urbain Van Vanda Vanille Victoire Victoria Victorien Violette
Virginie Vital Voltaire Véronique Éden Élise Émie
`;
