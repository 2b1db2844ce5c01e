// Table-driven tests of the named-victim recognizer: a passage in, the named dead out (sex, age, origin, occupation, category).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Category } from '../../domain/types.js';
import { refinePlaces } from '../refine/places.js';
import { recognizePlaces } from './places.js';
import { splitSentences } from './sentences.js';
import { recognizeVictims, type VictimMention } from './victims.js';

interface Expected {
  name: string;
  sex: 'male' | 'female' | null;
  age: number | null;
  origin: string | null;
  occupation: string | null;
  category: Category;
}

const CASES: Array<{ text: string; victims: Expected[]; todo?: string }> = [
  // a relation after a possessive name tells the sex; "as was X" adds a name to the dead just told
  {
    text: "The mayor's wife, Lina Dalisay, and his sister Rosa Dalisay were among the dead, as was Marta Brizuela, a lawyer who had joined the convoy.",
    victims: [
      { name: 'Lina Dalisay', sex: 'female', age: null, origin: null, occupation: null, category: 'civilians' },
      { name: 'Rosa Dalisay', sex: 'female', age: null, origin: null, occupation: null, category: 'civilians' },
      { name: 'Marta Brizuela', sex: null, age: null, origin: null, occupation: 'lawyer', category: 'civilians' },
    ],
  },
  // two names as one subject, the verb after both
  {
    text: 'Omar Farouk, 20, a student at a college in the capital, and his friend Lamia Haque, 19, also a student, were killed as well.',
    victims: [
      { name: 'Omar Farouk', sex: 'male', age: 20, origin: null, occupation: 'student', category: 'civilians' },
      { name: 'Lamia Haque', sex: null, age: 19, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  // names listed after a colon take the side of the noun counted before it when their own description says none
  {
    text: 'Two police officers were killed when the gunmen opened fire: Karim Uddin, an assistant commissioner, and Selim Khan, officer in charge of the station.',
    victims: [
      { name: 'Karim Uddin', sex: null, age: null, origin: null, occupation: 'assistant commissioner', category: 'stateForces' },
      { name: 'Selim Khan', sex: null, age: null, origin: null, occupation: null, category: 'stateForces' },
    ],
  },
  // a headline that says the victims are named introduces profiles that open with a name and an age
  {
    text: 'Hotel siege: 20 hostages dead; victims named\nGunmen stormed the hotel on Friday. Among the dead hostages were nine Italians and an Indian. Tara Jaiswal, 19, an Indian student, was visiting her family.',
    victims: [{ name: 'Tara Jaiswal', sex: 'female', age: 19, origin: null, occupation: 'Indian student', category: 'civilians' }],
  },
  // a name, an apposition, then the death; the next sentence's pronoun tells the sex
  {
    text: 'Lina Haddad Sarkis, a first-year medical student originally from Qamishli, was among the victims. She lost her life when gunmen stormed the dormitory in Latakia.',
    victims: [{ name: 'Lina Haddad Sarkis', sex: 'female', age: null, origin: 'Qamishli', occupation: 'medical student', category: 'civilians' }],
  },
  // named inside a list of the dead
  {
    text: 'Those killed, including the monk, Kyaw Myint Tun, aged 47, were shot inside the monastery compound.',
    victims: [{ name: 'Kyaw Myint Tun', sex: 'male', age: 47, origin: null, occupation: 'monk', category: 'civilians' }],
  },
  // an age in commas, the sex from the following sentence
  {
    text: 'Ahmad Khalil Nasser, 34, was shot dead at a checkpoint near Homs. He had returned to the city a week earlier.',
    victims: [{ name: 'Ahmad Khalil Nasser', sex: 'male', age: 34, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Hassan Jaber Saleh, a nurse, was killed by a sniper in Daraa on Monday.',
    victims: [{ name: 'Hassan Jaber Saleh', sex: null, age: null, origin: null, occupation: 'nurse', category: 'civilians' }],
  },
  {
    text: 'Police chief Daniel Okoro was killed in an ambush on Tuesday.',
    victims: [{ name: 'Daniel Okoro', sex: null, age: null, origin: null, occupation: 'police chief', category: 'stateForces' }],
  },
  // a town name inside a longer run of names is part of the name, and the town drops out of the places
  {
    text: 'Armed bandits killed 15 villagers in Maru, police said. Musa Ibrahim Bello, a farmer, was among the dead.',
    victims: [{ name: 'Musa Ibrahim Bello', sex: null, age: null, origin: null, occupation: 'farmer', category: 'civilians' }],
  },
  // "named the dead as": every name of the list that follows
  {
    text: 'Relatives named the dead as Rhonita Miller, 30, and four of her children; Dawna Langford, 43, and two of her sons; and Christina Langford Johnson, 31.',
    victims: [
      { name: 'Rhonita Miller', sex: 'female', age: 30, origin: null, occupation: null, category: 'civilians' },
      { name: 'Dawna Langford', sex: 'female', age: 43, origin: null, occupation: null, category: 'civilians' },
      { name: 'Christina Langford Johnson', sex: null, age: 31, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'The health ministry named the woman as Majeda Obeid.',
    victims: [{ name: 'Majeda Obeid', sex: null, age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  // names in apposition to the counted object of a death verb; the noun tells the side
  {
    text: 'The military said it had killed two senior Hamas officials, Yassin Rabia and Khaled Nagar, in the strike.',
    victims: [
      { name: 'Yassin Rabia', sex: null, age: null, origin: null, occupation: null, category: 'nonStateFighters' },
      { name: 'Khaled Nagar', sex: null, age: null, origin: null, occupation: null, category: 'nonStateFighters' },
    ],
  },
  {
    text: 'He named them as Mohammed Abu Anza, 5, his sister Rasha, 2, and their cousin Yazan Abu Anza, 9.',
    victims: [
      { name: 'Mohammed Abu Anza', sex: 'male', age: 5, origin: null, occupation: null, category: 'civilians' },
      { name: 'Yazan Abu Anza', sex: null, age: 9, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'Among the dead was also an elderly man, Hassan Abu Anza, 71.',
    victims: [{ name: 'Hassan Abu Anza', sex: 'male', age: 71, origin: null, occupation: 'elderly man', category: 'civilians' }],
  },
  // a plural noun of people named as: the dead counted before
  {
    text: 'The army named the soldiers as Corporal Abdi Warsame Hassan and Private Ahmed Nur Ali.',
    victims: [
      { name: 'Abdi Warsame Hassan', sex: null, age: null, origin: null, occupation: 'corporal', category: 'stateForces' },
      { name: 'Ahmed Nur Ali', sex: null, age: null, origin: null, occupation: 'private', category: 'stateForces' },
    ],
  },
  {
    text: 'Police identified the two slain journalists as Carlos Mena and Rosa Ibarra.',
    victims: [
      { name: 'Carlos Mena', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
      { name: 'Rosa Ibarra', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'The slain soldiers were identified as Havildar Mandeep Singh, Lance Naik Kulwant Singh and Sepoy Sewak Singh.',
    victims: [
      { name: 'Mandeep Singh', sex: null, age: null, origin: null, occupation: 'havildar', category: 'stateForces' },
      { name: 'Kulwant Singh', sex: null, age: null, origin: null, occupation: 'lance naik', category: 'stateForces' },
      { name: 'Sewak Singh', sex: null, age: null, origin: null, occupation: 'sepoy', category: 'stateForces' },
    ],
  },
  { text: 'The two suspects were identified as Karl Weber and Jonas Brandt.', victims: [] },
  // a name in apposition to a noun the report has already counted dead
  {
    text: 'Gunmen attacked the base, killing two soldiers and a local journalist. The journalist, Hodan Abdullahi, 29, worked for a radio station.',
    victims: [{ name: 'Hodan Abdullahi', sex: null, age: 29, origin: null, occupation: null, category: 'civilians' }],
  },
  { text: 'Gunmen attacked the convoy and wounded a driver. The driver, Musa Abdi, was taken to hospital.', victims: [] },
  // named after "as" without a death: a speaker described, not a victim
  { text: 'The army named its new commander as Ahmed Saleh Karim on Monday.', victims: [] },
  // a run of a city and its province is a place, not a name
  { text: 'In Tijuana Baja California, a man was found dead in a car.', victims: [] },
  // a run that places cover entirely is a place
  { text: 'Gaza City was shelled overnight and 12 people were killed.', victims: [] },
  // a capitalised count opening a sentence is not a name
  { text: 'Thirteen Palestinians, including five children, were killed in an Israeli air strike on Tuesday.', victims: [] },
  { text: 'Twenty-Two Soldiers were killed in the ambush.', victims: [] },
  // speakers are not victims
  { text: 'Police chief Daniel Okoro said the two men were killed in an ambush on Tuesday.', victims: [] },
  { text: 'Rami Abdul Rahman, head of the Syrian Observatory, said the toll had risen to 745.', victims: [] },
  { text: 'Speaking to Al Jazeera Arabic, a source said the 15 had died.', victims: [] },
  { text: 'Regional governor Andriy Raikovych said two people were killed when the drone hit a bus.', victims: [] },
  // an age phrase before the name is its age; a name in apposition to "the youngest victim" is a victim
  {
    text: 'Three-year-old Mucad Ibrahim, the youngest victim, had gone to Friday prayers with his father and older brother.',
    victims: [{ name: 'Mucad Ibrahim', sex: 'male', age: 3, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Twenty-one-year-old Sara Haddad was shot dead at the checkpoint.',
    victims: [{ name: 'Sara Haddad', sex: null, age: 21, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Omar Saleh Nasser, one of the dead, had driven the bus for twenty years.',
    victims: [{ name: 'Omar Saleh Nasser', sex: null, age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  { text: 'Karim Haddad, the oldest of the victims, was 82.', victims: [{ name: 'Karim Haddad', sex: null, age: null, origin: null, occupation: null, category: 'civilians' }] },
  // a witness whose relatives died is not a victim
  { text: 'Mariam Youssef, whose brother and two nephews were killed in the raid, said the gunmen came at dawn.', victims: [] },
  { text: 'Omar Khaled Darwish told Reuters that his father was shot dead in front of the house.', victims: [] },
  // names in a list governed by a frame of the dead, each with an age and no death verb of its own
  {
    text: 'Also killed were Geraldine Talley, 62; Andre Mackniel, 53, who had come to buy a cake for his son; and Roberta Drury, 32.',
    victims: [
      { name: 'Geraldine Talley', sex: null, age: 62, origin: null, occupation: null, category: 'civilians' },
      { name: 'Andre Mackniel', sex: 'male', age: 53, origin: null, occupation: null, category: 'civilians' },
      { name: 'Roberta Drury', sex: null, age: 32, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'The dead include Samir Haddad and Youssef Karam, both shepherds from the village.',
    victims: [
      { name: 'Samir Haddad', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
      { name: 'Youssef Karam', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'Among the dead was Maria Fernanda Lopez, 19, a nursing student.',
    victims: [{ name: 'Maria Fernanda Lopez', sex: null, age: 19, origin: null, occupation: 'nursing student', category: 'civilians' }],
  },
  {
    text: 'The victims were identified as Tomasz Nowak, 41, and Piotr Zielinski, 38.',
    victims: [
      { name: 'Tomasz Nowak', sex: null, age: 41, origin: null, occupation: null, category: 'civilians' },
      { name: 'Piotr Zielinski', sex: null, age: 38, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'Police released the names of the four people killed: Dana Whitaker, Luis Ortega, Kim Baxter and Omar Faris.',
    victims: [
      { name: 'Dana Whitaker', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
      { name: 'Luis Ortega', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
      { name: 'Kim Baxter', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
      { name: 'Omar Faris', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'Those killed in the attack on the market were Ahmed Noor, a trader, and Halima Noor, 40.',
    victims: [
      { name: 'Ahmed Noor', sex: null, age: null, origin: null, occupation: 'trader', category: 'civilians' },
      { name: 'Halima Noor', sex: null, age: 40, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'The two dead have been identified by the coroner as Kevin Marsh and Tyrone Willis.',
    victims: [
      { name: 'Kevin Marsh', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
      { name: 'Tyrone Willis', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'Among the dead were a nurse, Amal Haddad, and her neighbour Sami Fares.',
    victims: [
      { name: 'Amal Haddad', sex: 'female', age: null, origin: null, occupation: 'nurse', category: 'civilians' },
      { name: 'Sami Fares', sex: null, age: null, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'The raid killed Khalid Jaber, 23, and 17-year-old Mahmoud Jaber, relatives said.',
    victims: [
      { name: 'Khalid Jaber', sex: null, age: 23, origin: null, occupation: null, category: 'civilians' },
      { name: 'Mahmoud Jaber', sex: null, age: 17, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'The victims were: Ahmed Ali, 23; Sara Ali, 19; and Omar Ali, 4.',
    victims: [
      { name: 'Ahmed Ali', sex: null, age: 23, origin: null, occupation: null, category: 'civilians' },
      { name: 'Sara Ali', sex: null, age: 19, origin: null, occupation: null, category: 'civilians' },
      { name: 'Omar Ali', sex: null, age: 4, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  // titles inside a list: the frame reaches the name across them
  {
    text: 'Among those killed was Staff Sergeant John Doherty, 31, and Cpl. Aaron Fisk, 24.',
    victims: [
      { name: 'John Doherty', sex: null, age: 31, origin: null, occupation: 'staff sergeant', category: 'stateForces' },
      { name: 'Aaron Fisk', sex: null, age: 24, origin: null, occupation: 'cpl', category: 'stateForces' },
    ],
  },
  // the attacker is identified the same way as the dead
  { text: 'The suspected gunman was identified as Lucas Brandt, a 19-year-old from Ohio.', victims: [] },
  // the frame may describe the group before a colon, and items may name a relation first
  {
    text: 'Among those killed were three members of the Cho family: Kyu Song Cho, 37, his wife Cindy Cho, 35, and their son James Cho, 3.',
    victims: [
      { name: 'Kyu Song Cho', sex: 'male', age: 37, origin: null, occupation: null, category: 'civilians' },
      { name: 'Cindy Cho', sex: 'female', age: 35, origin: null, occupation: null, category: 'civilians' },
      { name: 'James Cho', sex: 'male', age: 3, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  // two given names that are towns of two countries are a name, not a place and its province
  {
    text: 'Sisters Daniela Mendoza, 11, and Sofia Mendoza, 8, were also killed.',
    victims: [
      { name: 'Daniela Mendoza', sex: null, age: 11, origin: null, occupation: null, category: 'civilians' },
      { name: 'Sofia Mendoza', sex: null, age: 8, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  // a frame of the dead followed by other words is not a list of names
  { text: 'The dead were taken to the hospital in Kenema, where Dr Samuel Bangura said more bodies were expected.', victims: [] },
  // once the report says the dead are being named, a sentence that opens with a name and an age profiles one of them
  {
    text: 'Police on Sunday released the names of the ten people killed in the shooting. Ruth Whitfield, 86, had stopped at the store after visiting her husband. Aaron Salter, a 55-year-old security guard, fired at the gunman.',
    victims: [
      { name: 'Ruth Whitfield', sex: 'female', age: 86, origin: null, occupation: null, category: 'civilians' },
      { name: 'Aaron Salter', sex: null, age: 55, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'Families began to name the dead on Sunday. Kamal Darwish, 40, ran a bakery near the mosque. And Leila Darwish, 12, had come with her father.',
    victims: [
      { name: 'Kamal Darwish', sex: null, age: 40, origin: null, occupation: null, category: 'civilians' },
      { name: 'Leila Darwish', sex: 'female', age: 12, origin: null, occupation: null, category: 'civilians' },
    ],
  },
  {
    text: 'Authorities on Monday identified the eight people killed at the mall. Aishwarya Thatikonda, 27, an engineer, had been shopping with a friend.',
    victims: [{ name: 'Aishwarya Thatikonda', sex: null, age: 27, origin: null, occupation: 'engineer', category: 'civilians' }],
  },
  // without such an announcement a name and an age say nothing of a death
  { text: 'Ruth Whitfield, 86, had stopped at the store after visiting her husband.', victims: [] },
  // the attacker of such a report is named too, and is not a victim
  { text: 'The victims have been identified by the county coroner. Daniel Pryor, 24, was charged with ten counts of murder.', victims: [] },
  // nor are relatives and speakers named with their ages
  {
    text: 'Police released the names of the ten people killed. Garnell Whitfield, 60, the son of one of the victims, spoke to reporters. Amir Khan, 41, whose brother died, was at the vigil. Tanya Reed, 35, a cashier at the store, told reporters she hid in a freezer.',
    victims: [],
  },
  { text: 'The victims were named on Monday. Lucas Brandt, 19, was arraigned on murder charges on Saturday.', victims: [] },
  // a named person wounded or surviving is not a victim, even when shot
  {
    text: 'Police released the names of the dead. Zaire Goodman, 20, a store employee who was shot in the neck, was among the wounded.',
    victims: [],
  },
  { text: 'Hassan Omari, 33, was shot in the leg and survived.', victims: [] },
  { text: 'Nadia Rahimi was seriously injured when the shell hit her home.', victims: [] },
  { text: 'Fatima Yousef, 8, was critically wounded and her brother was killed.', victims: [] },
  { text: 'Selim Arslan, 27, was shot and injured outside his home.', victims: [] },
  { text: 'Police named the dead on Sunday. Jennifer Warrington, 50, was also injured but has been released.', victims: [] },
  { text: 'Mohammed Idris, 29, was among those wounded when the gunmen opened fire.', victims: [] },
  // a wound followed by the same person's death is a death
  {
    text: 'Yusuf Bello, 30, was critically wounded and later died in hospital.',
    victims: [{ name: 'Yusuf Bello', sex: null, age: 30, origin: null, occupation: null, category: 'civilians' }],
  },
  // someone else's survival in a relative clause does not change the outcome of the name
  {
    text: 'The victims were named on Monday. Celestine Chaney, 65, had gone shopping with her sister, who survived.',
    victims: [{ name: 'Celestine Chaney', sex: 'female', age: 65, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Ali Hamdan, 45, who was wounded in a strike in March, was killed on Friday.',
    victims: [{ name: 'Ali Hamdan', sex: null, age: 45, origin: null, occupation: null, category: 'civilians' }],
  },
  // ranks and titles are not part of the name; a police or army rank says stateForces, other titles only go
  {
    text: 'An Israeli police special forces officer, Chief Inspector Arnon Zamora, 36, was killed in the operation.',
    victims: [{ name: 'Arnon Zamora', sex: null, age: 36, origin: null, occupation: 'chief inspector', category: 'stateForces' }],
  },
  {
    text: 'Sgt. Ahmed Khalil Saber was shot dead at a checkpoint outside Arish.',
    victims: [{ name: 'Ahmed Khalil Saber', sex: null, age: null, origin: null, occupation: 'sgt', category: 'stateForces' }],
  },
  {
    text: 'Lt. Col. Bongani Dlamini died of his wounds on Tuesday.',
    victims: [{ name: 'Bongani Dlamini', sex: 'male', age: null, origin: null, occupation: 'lt col', category: 'stateForces' }],
  },
  {
    text: 'Captain Oleksandr Petrenko was killed when the shell struck his unit.',
    victims: [{ name: 'Oleksandr Petrenko', sex: 'male', age: null, origin: null, occupation: 'captain', category: 'stateForces' }],
  },
  {
    text: 'Imam Abdullahi Musa was killed as he led dawn prayers.',
    victims: [{ name: 'Abdullahi Musa', sex: 'male', age: null, origin: null, occupation: 'imam', category: 'civilians' }],
  },
  {
    text: 'Dr. Amira Saleh, 52, was killed when the clinic was hit.',
    victims: [{ name: 'Amira Saleh', sex: null, age: 52, origin: null, occupation: 'dr', category: 'civilians' }],
  },
  {
    text: 'Rev. Thomas Okafor was murdered outside his church.',
    victims: [{ name: 'Thomas Okafor', sex: 'male', age: null, origin: null, occupation: 'rev', category: 'civilians' }],
  },
  {
    text: 'A police officer, Constable Ravi Kumar, was also killed in the blast.',
    victims: [{ name: 'Ravi Kumar', sex: null, age: null, origin: null, occupation: 'constable', category: 'stateForces' }],
  },
  // the many ways a death is told of the name itself
  {
    text: 'Ricardo Mendes was gunned down outside his bar in Fortaleza.',
    victims: [{ name: 'Ricardo Mendes', sex: 'male', age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Priya Sharma, 22, was stabbed to death near her hostel.',
    victims: [{ name: 'Priya Sharma', sex: 'female', age: 22, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Constable Imran Khan was martyred when militants attacked the check post.',
    victims: [{ name: 'Imran Khan', sex: null, age: null, origin: null, occupation: 'constable', category: 'stateForces' }],
  },
  {
    text: 'Javier Ruiz succumbed to his injuries on Tuesday.',
    victims: [{ name: 'Javier Ruiz', sex: 'male', age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Daniel Osei was one of the people killed in the blast.',
    victims: [{ name: 'Daniel Osei', sex: null, age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Grace Mwangi, 40, was fatally wounded by a stray bullet.',
    victims: [{ name: 'Grace Mwangi', sex: null, age: 40, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'A mob beat Suresh Yadav, 35, to death over a land dispute.',
    victims: [{ name: 'Suresh Yadav', sex: null, age: 35, origin: null, occupation: null, category: 'civilians' }],
  },
  // a retired officer is no longer of the state's forces
  {
    text: 'The retired Colonel Mikhail Orlov was shot dead outside his home.',
    victims: [{ name: 'Mikhail Orlov', sex: 'male', age: null, origin: null, occupation: 'colonel', category: 'civilians' }],
  },
  // a name after an age phrase carries that age; an apposition that calls the name a victim is enough
  {
    text: 'Three-year-old Mucad Ibrahim, the youngest victim, had gone to prayers with his father.',
    victims: [{ name: 'Mucad Ibrahim', sex: 'male', age: 3, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'The strike killed 14-year-old Yara Khatib, her uncle said.',
    victims: [{ name: 'Yara Khatib', sex: 'female', age: 14, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Gunmen on motorbikes shot dead Ibrahim Sani Danjuma outside his shop in Zaria.',
    victims: [{ name: 'Ibrahim Sani Danjuma', sex: 'male', age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  // a capitalised group name before a common noun is not a person
  { text: 'The army said it killed Boko Haram fighters near the lake.', victims: [] },
  { text: 'An Abu Sayyaf militant was killed during a firefight with the army.', victims: [] },
  // a run after a preposition of place is a place; "shot at" is no death; a run before a group noun is a group
  { text: 'On 3 May, in New Grant, Princes Town, a man was shot and killed by gunmen.', victims: [] },
  { text: 'The house of the mayor, Hassan Dabouq, was shot at by an unidentified attacker.', victims: [] },
  { text: 'A prominent Bayan Muna official was shot dead by suspected police elements.', victims: [] },
  { text: 'Three Malay Muslim Separatist suspects were killed in the clash.', victims: [] },
  // after "of", the death is the head noun's: a member of a group, a relative of a person
  { text: 'A local leader of Jubo League was stabbed to death by unidentified assailants.', victims: [] },
  { text: 'The son of Hamid Karimi was shot dead at the market.', victims: [] },
  {
    text: 'The killing of Shireen Abu Akleh drew condemnation.',
    victims: [{ name: 'Shireen Abu Akleh', sex: null, age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  // a possessive names someone else, unless it is the body or the funeral of the person
  {
    text: 'Rescuers recovered Omar Haidari’s body from the river two days later.',
    victims: [{ name: 'Omar Haidari', sex: null, age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'The body of Leyla Guzman, a 24-year-old activist, was found on a roadside outside Tegucigalpa.',
    victims: [{ name: 'Leyla Guzman', sex: null, age: 24, origin: null, occupation: null, category: 'civilians' }],
  },
  {
    text: 'Hundreds attended the funeral of Bassel Hamdan on Sunday.',
    victims: [{ name: 'Bassel Hamdan', sex: null, age: null, origin: null, occupation: null, category: 'civilians' }],
  },
  { text: 'Ahmed Saleh’s son was killed when the shell hit the house.', victims: [] },
  // a profile may give the occupation before the age
  {
    text: 'The names of the victims were released on Sunday. Heyward Patterson, a church deacon, 67, drove neighbours to the store.',
    victims: [{ name: 'Heyward Patterson', sex: null, age: 67, origin: null, occupation: 'church deacon', category: 'civilians' }],
  },
  {
    text: 'Rescuers found 7-year-old Adam Nasser, one of the victims, under the rubble.',
    victims: [{ name: 'Adam Nasser', sex: null, age: 7, origin: null, occupation: null, category: 'civilians' }],
  },
  // a count of unnamed people is not a name
  {
    text: 'One Ukrainian soldier also died in hospital.',
    victims: [],
  },
];

function victimsOf(text: string): VictimMention[] {
  const sentences = splitSentences(text);
  return recognizeVictims(text, sentences, refinePlaces(recognizePlaces(text), text, sentences));
}

for (const c of CASES) {
  test(`victims: ${c.text}`, c.todo ? { todo: c.todo } : {}, () => {
    const got = victimsOf(c.text).map(({ name, sex, age, origin, occupation, category }) => ({ name, sex, age, origin, occupation, category }));
    assert.deepEqual(got, c.victims);
  });
}

test('victims: the span points at the name and the pronoun sentence is kept as evidence', () => {
  const text = 'Lina Haddad Sarkis, a first-year medical student originally from Qamishli, was among the victims. She lost her life when gunmen stormed the dormitory in Latakia.';
  const [v] = victimsOf(text);
  assert.ok(v);
  assert.equal(text.slice(v.span.start, v.span.end), 'Lina Haddad Sarkis');
  assert.deepEqual(v.evidenceSpans.map((s) => text.slice(s.start, s.end)), ['She lost her life when gunmen stormed the dormitory in Latakia.']);
});
